/**
 * The demo company (国网清河县供电公司), generated into an empty database at start ({@code DemoDataSeeder}; {@code
 * KEYACCOUNT_DEMO=false} turns it off, {@code KEYACCOUNT_DEMO_CUSTOMERS} sets its size): units, staff, substations and
 * feeders, key customers with contacts, transformers, lines and assignments ({@link DemoDataGenerator}, bulk JDBC),
 * then visits, supply plans, outages, bills and notices, energy readings and, in the background, last month's reports.
 * <p>
 * <b>Start with</b> {@link DemoDataGenerator} and {@code DemoDataSeeder}.
 * <p>
 * <b>Depends on</b> whatever it needs ({@code customer}, {@code security}, {@code visit}, {@code supplyplan}, {@code
 * outage}, {@code billing}, {@code notice}, {@code report}, and their tables directly): a tool at the edge of the
 * application, not a feature, so {@code ArchitectureTest} leaves it out of the feature rules. Nothing depends on it.
 */
package cn.keyaccount.demo;
