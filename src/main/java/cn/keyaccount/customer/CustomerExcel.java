package cn.keyaccount.customer;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.BusinessException.FieldError;
import cn.keyaccount.base.ImportMetrics;
import cn.keyaccount.base.SheetRows;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The customer list as an Excel workbook, and new customers from one. An import is all or nothing: every row is
 * checked first, and a single bad row means nothing is written.
 */
@ApplicationScoped
public class CustomerExcel {

    static final int CHUNK = 1000;

    /** One column of the workbook: its title (Chinese, then English), the field it maps to, how to write/read it. */
    private record Column(String title, String field, Function<CustomerDetails, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("户号 Account no", "accountNo", CustomerDetails::accountNo),
            new Column("客户名称 Name", "name", CustomerDetails::name),
            new Column("统一社会信用代码 Credit code", "creditCode", CustomerDetails::creditCode),
            new Column("行业代码 Industry code", "industryCode", CustomerDetails::industryCode),
            new Column("行业名称 Industry", "industryName", CustomerDetails::industryName),
            new Column("地址 Address", "address", CustomerDetails::address),
            new Column("区县 District", "district", CustomerDetails::district),
            new Column("供电单位 Unit", "unitId", CustomerDetails::unitName),
            new Column("电压 kV Voltage", "voltageKv", CustomerDetails::voltageKv),
            new Column("合同容量 kVA Contract capacity", "contractCapacityKva", CustomerDetails::contractCapacityKva),
            new Column("运行容量 kVA Operating capacity", "operatingCapacityKva",
                    CustomerDetails::operatingCapacityKva),
            new Column("供电方式 Supply mode", "supplyMode", CustomerDetails::supplyMode),
            new Column("重要等级 Importance", "importance", CustomerDetails::importance),
            new Column("电价类别 Tariff category", "tariffCategory", CustomerDetails::tariffCategory),
            new Column("基本电费方式 Basic charge", "basicChargeMode", CustomerDetails::basicChargeMode),
            new Column("功率因数标准 Power factor", "powerFactorStandard", CustomerDetails::powerFactorStandard),
            new Column("信用等级 Credit rating", "creditRating", CustomerDetails::creditRating),
            new Column("年用电量 kWh Annual consumption", "annualKwh", CustomerDetails::annualKwh),
            new Column("年电费 元 Annual revenue", "annualRevenueYuan", CustomerDetails::annualRevenueYuan),
            new Column("增长率 Growth", "growthRate", CustomerDetails::growthRate),
            new Column("供电线路 Lines", "lineIds",
                    d -> String.join(",", d.lines().stream().map(LineDetails::code).toList())),
            new Column("分级 Tier", "tier", CustomerDetails::tier),
            new Column("客户经理 Manager", "manager", CustomerDetails::managerName));

    /** The columns an import reads; tier and manager are derived or assigned elsewhere and ignored. */
    private static final int IMPORTED_COLUMNS = COLUMNS.size() - 2;

    /** A row that cannot be imported: where (file, 1-based row, column title, draft field) and why (a message key). */
    public record ImportProblem(String fileName, int row, String column, String field, String key, Object... args) {
    }

    /** Either the number of customers created, or the problems found (and nothing created). */
    public record ImportResult(int created, List<ImportProblem> problems) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    private final CustomerService service;
    private final CustomerRepository customers;
    private final NetworkService network;
    private final OrgService org;

    private final ImportMetrics importMetrics;

    CustomerExcel(CustomerService service, CustomerRepository customers, NetworkService network, OrgService org,
                  ImportMetrics importMetrics) {
        this.importMetrics = importMetrics;
        this.service = service;
        this.customers = customers;
        this.network = network;
        this.org = org;
    }

    public static List<String> titles() {
        return COLUMNS.stream().map(Column::title).toList();
    }

    /** Writes every customer the search finds (within the viewer's scope), page by page, to an XLSX stream. */
    public void export(Viewer viewer, CustomerSearch search, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet("客户 Customers");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i).title());
            }
            int rowNo = 1;
            for (int offset = 0; ; offset += CHUNK) {
                List<CustomerRow> page = service.search(viewer, search, CustomerSearch.Order.DEFAULT, offset, CHUNK);
                for (CustomerDetails details : service.detailsOf(viewer, page.stream().map(CustomerRow::id).toList())) {
                    write(sheet.createRow(rowNo++), details);
                }
                if (page.size() < CHUNK) {
                    break;
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, CustomerDetails d) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            Object value = COLUMNS.get(i).value().apply(d);
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value != null) {
                cell.setCellValue(value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
    }

    /**
     * Reads new customers from the first sheet of an XLSX file. Every row is checked first (field rules, unique
     * account numbers in the database and in the file, a known unit within the viewer's reach, known lines); if any
     * row is wrong, nothing is written and the problems are returned. Otherwise all rows are created in one
     * transaction.
     */
    public ImportResult importCustomers(Viewer viewer, InputStream in, String fileName) {
        if (!(viewer.isAdmin() || viewer.isSupervisor())) {
            throw BusinessException.forbidden("error.customer-create-forbidden");
        }
        ImportResult result = readAndCreate(viewer, in, fileName);
        importMetrics.imported(ImportMetrics.Kind.CUSTOMERS, result.problems().isEmpty() ? result.created()
                : result.problems().stream().mapToInt(ImportProblem::row).distinct().count(), result.problems().isEmpty());
        return result;
    }

    private ImportResult readAndCreate(Viewer viewer, InputStream in, String fileName) {
        List<ImportProblem> problems = new ArrayList<>();
        Map<Integer, CustomerDraft> drafts = new java.util.LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> accountRows = new HashMap<>();
        RowReader[] reader = {null};
        try {
            SheetRows.read(in, MAX_ROWS + 1, t -> t.toLocalDate().toString(), (rowNo, cells) -> {
                if (reader[0] == null) {
                    for (int i = 0; i < cells.size(); i++) {
                        index.putIfAbsent(cells.get(i).trim(), i);
                    }
                    for (Column column : COLUMNS.subList(0, IMPORTED_COLUMNS)) {
                        if (!index.containsKey(column.title())) {
                            problems.add(new ImportProblem(fileName, rowNo, column.title(), column.field(),
                                    "customer.import.missing-column", column.title()));
                        }
                    }
                    if (!problems.isEmpty()) {
                        throw new StopReading();
                    }
                    reader[0] = new RowReader(fileName, index, units(), problems);
                    return;
                }
                CustomerDraft draft = reader[0].read(rowNo, cells, viewer);
                checkAccountNo(fileName, rowNo, draft.getAccountNo(), accountRows, problems);
                drafts.put(rowNo, draft);
                if (problems.size() >= MAX_PROBLEMS) {
                    throw new StopReading();
                }
            });
        } catch (StopReading stop) {
            return new ImportResult(0, problems);
        } catch (SheetRows.Refused r) {
            return new ImportResult(0, List.of(new ImportProblem(fileName, r.row(), r.column(), "", r.key(),
                    r.limit())));
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException be) {
                throw be;
            }
            return new ImportResult(0, List.of(new ImportProblem(fileName, 0, "", "", "customer.import.unreadable")));
        }
        if (drafts.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(fileName, 0, "", "", "customer.import.empty"));
        }
        if (!problems.isEmpty()) {
            return new ImportResult(0, problems);
        }
        return createAll(viewer, fileName, drafts);
    }

    /** Customers one file may create: far more than a county has key customers. */
    static final int MAX_ROWS = 20_000;
    /** Problems listed at most; reading stops there (nothing is written anyway). */
    static final int MAX_PROBLEMS = 500;

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private ImportResult createAll(Viewer viewer, String fileName, Map<Integer, CustomerDraft> drafts) {
        int[] current = {0};
        try {
            QuarkusTransaction.requiringNew().run(() -> drafts.forEach((row, draft) -> {
                current[0] = row;
                service.create(viewer, draft);
            }));
            return new ImportResult(drafts.size(), List.of());
        } catch (BusinessException e) {
            // a rule only the database can check failed after all (e.g. a concurrent insert): nothing was written
            List<ImportProblem> problems = e.fieldErrors().isEmpty()
                    ? List.of(new ImportProblem(fileName, current[0], "", "", e.key(), e.args()))
                    : e.fieldErrors().stream().map(f -> problem(fileName, current[0], f)).toList();
            return new ImportResult(0, problems);
        }
    }

    private void checkAccountNo(String fileName, int row, String accountNo, Map<String, Integer> seen,
                                List<ImportProblem> problems) {
        if (accountNo == null || accountNo.isBlank()) {
            return;
        }
        String no = accountNo.trim();
        Integer first = seen.putIfAbsent(no, row);
        if (first != null) {
            problems.add(new ImportProblem(fileName, row, COLUMNS.get(0).title(), "accountNo",
                    "customer.import.duplicate-in-file", no, first));
        } else if (customers.count("accountNo", no) > 0) {
            problems.add(new ImportProblem(fileName, row, COLUMNS.get(0).title(), "accountNo",
                    "error.account-no-taken", no));
        }
    }

    private Map<String, UnitDetails> units() {
        Map<String, UnitDetails> byKey = new HashMap<>();
        for (UnitDetails u : org.all()) {
            byKey.putIfAbsent(u.code(), u);
            byKey.putIfAbsent(u.name(), u);
        }
        return byKey;
    }

    static ImportProblem problem(String fileName, int row, FieldError error) {
        String column = COLUMNS.stream().filter(c -> c.field().equals(error.field())).map(Column::title)
                .findFirst().orElse(error.field());
        return new ImportProblem(fileName, row, column, error.field(), error.key(), error.args());
    }

    /** Turns one sheet row into a draft, noting every cell it cannot read and every rule the draft breaks. */
    private final class RowReader {

        private final String fileName;
        private final Map<String, Integer> index;
        private final Map<String, UnitDetails> units;
        private final List<ImportProblem> problems;

        RowReader(String fileName, Map<String, Integer> index, Map<String, UnitDetails> units,
                  List<ImportProblem> problems) {
            this.fileName = fileName;
            this.index = index;
            this.units = units;
            this.problems = problems;
        }

        CustomerDraft read(int rowNo, List<String> row, Viewer viewer) {
            List<FieldError> errors = new ArrayList<>();
            CustomerDraft d = new CustomerDraft();
            text(row, 0, d::setAccountNo);
            text(row, 1, d::setName);
            text(row, 2, d::setCreditCode);
            text(row, 3, d::setIndustryCode);
            text(row, 4, d::setIndustryName);
            text(row, 5, d::setAddress);
            text(row, 6, d::setDistrict);
            String unitKey = cell(row, 7);
            if (unitKey != null) {
                UnitDetails unit = units.get(unitKey);
                if (unit == null) {
                    errors.add(new FieldError("unitId", "customer.import.unknown-unit", unitKey));
                } else if (!viewer.isAdmin() && !unit.path().startsWith(viewer.unitPath())) {
                    errors.add(new FieldError("unitId", "error.unit-outside-scope"));
                } else {
                    d.setUnitId(unit.id());
                }
            }
            number(row, 8, d::setVoltageKv, errors);
            number(row, 9, d::setContractCapacityKva, errors);
            number(row, 10, d::setOperatingCapacityKva, errors);
            choice(row, 11, SupplyMode.class, d::setSupplyMode, errors);
            choice(row, 12, Importance.class, d::setImportance, errors);
            text(row, 13, d::setTariffCategory);
            choice(row, 14, BasicChargeMode.class, d::setBasicChargeMode, errors);
            number(row, 15, d::setPowerFactorStandard, errors);
            text(row, 16, d::setCreditRating);
            number(row, 17, d::setAnnualKwh, errors);
            number(row, 18, d::setAnnualRevenueYuan, errors);
            number(row, 19, d::setGrowthRate, errors);
            d.setLineIds(lines(cell(row, 20), errors));
            for (FieldError rule : fieldErrors(d)) {
                if (errors.stream().noneMatch(e -> e.field().equals(rule.field()))) {
                    errors.add(rule);
                }
            }
            errors.forEach(e -> problems.add(problem(fileName, rowNo, e)));
            return d;
        }

        private List<Long> lines(String codes, List<FieldError> errors) {
            List<Long> ids = new ArrayList<>();
            if (codes == null) {
                return ids;
            }
            for (String code : Arrays.stream(codes.split("[,,;;\\s]+")).filter(s -> !s.isBlank()).toList()) {
                SupplyLine line = network.byCode(code);
                if (line == null) {
                    errors.add(new FieldError("lineIds", "customer.import.unknown-line", code));
                } else {
                    ids.add(line.getId());
                }
            }
            return ids;
        }

        private String cell(List<String> row, int column) {
            int i = index.get(COLUMNS.get(column).title());
            String text = i < row.size() ? row.get(i).trim() : "";
            return text.isEmpty() ? null : text;
        }

        private void text(List<String> row, int column, java.util.function.Consumer<String> setter) {
            setter.accept(cell(row, column));
        }

        private void number(List<String> row, int column, java.util.function.Consumer<BigDecimal> setter,
                            List<FieldError> errors) {
            String text = cell(row, column);
            if (text == null) {
                return;
            }
            try {
                setter.accept(new BigDecimal(text.replace(",", "")));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(COLUMNS.get(column).field(), "customer.import.not-a-number", text));
            }
        }

        private <E extends Enum<E>> void choice(List<String> row, int column, Class<E> type,
                                                java.util.function.Consumer<E> setter, List<FieldError> errors) {
            String text = cell(row, column);
            if (text == null) {
                return;
            }
            try {
                setter.accept(Enum.valueOf(type, text.toUpperCase()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(COLUMNS.get(column).field(), "customer.import.unknown-choice", text,
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            }
        }
    }

    private static List<FieldError> fieldErrors(CustomerDraft d) {
        try {
            CustomerValidator.fieldRules(d).throwIfInvalid();
            return List.of();
        } catch (BusinessException e) {
            return e.fieldErrors();
        }
    }
}
