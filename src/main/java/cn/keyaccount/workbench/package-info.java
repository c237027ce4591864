/**
 * The workbench (工作台): each user's home page, made of sections that the features contribute. This core holds what
 * a section says, as plain records ({@link SectionSummary}, {@link SectionRow}): a title, a count, the page where
 * the items are handled, a few items each with its own link, and what to say when there is none.
 * <p>
 * <b>Depends on</b> {@code base} only. The workbench knows no feature: features depend on it (their {@code ui}
 * packages implement {@code workbench.ui.WorkbenchSection}), never the reverse ({@code ArchitectureTest} checks it).
 */
package cn.keyaccount.workbench;
