package cn.keyaccount.billing.ui;

import cn.keyaccount.billing.BillAlerts;
import cn.keyaccount.billing.BillAlerts.AccountBillSummary;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The customer's portal home: per account the latest bill (paid or due), what is unpaid, the prepaid balance; the
 * count is the accounts with an overdue bill.
 */
@ApplicationScoped
class CustomerBillsSection implements WorkbenchSection {

    private final BillAlerts bills;
    private final CustomerService customers;

    CustomerBillsSection(BillAlerts bills, CustomerService customers) {
        this.bills = bills;
        this.customers = customers;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isCustomer();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        Map<Long, CustomerDetails> accounts = customers.ownAccounts(viewer).stream()
                .collect(Collectors.toMap(CustomerDetails::id, Function.identity()));
        List<AccountBillSummary> summaries = bills.accounts(viewer).stream()
                .filter(s -> accounts.containsKey(s.customerId())).toList();
        return new SectionSummary("bills", t.getTranslation("workbench.bills"),
                summaries.stream().filter(s -> s.overdue().signum() > 0).count(), "portal",
                t.getTranslation("workbench.bills.link"),
                summaries.stream().map(s -> row(accounts.get(s.customerId()), s, t)).toList(),
                t.getTranslation("workbench.bills.none"));
    }

    private static SectionRow row(CustomerDetails account, AccountBillSummary s, Texts t) {
        String latest = s.period() == null ? "" : t.getTranslation(s.paidAt() != null ? "workbench.bills.paid"
                : "workbench.bills.due", s.period(), WorkbenchFormats.money(s.total()), WorkbenchFormats.day(s.dueDate()));
        String balance = s.prepaidBalance() == null ? ""
                : t.getTranslation("workbench.bills.balance", WorkbenchFormats.money(s.prepaidBalance()));
        String detail = String.join(" · ", java.util.stream.Stream.of(latest, balance).filter(x -> !x.isEmpty())
                .toList());
        // the bill first: the account number is short, the name long (the card is narrow)
        return new SectionRow(detail.isEmpty() ? account.name() : detail, account.accountNo(), "portal",
                s.overdue().compareTo(BigDecimal.ZERO) > 0);
    }
}
