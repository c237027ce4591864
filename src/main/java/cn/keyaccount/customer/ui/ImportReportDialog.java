package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.CustomerExcel.ImportProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/** Why an import was refused: one line per problem (file, row, column, message); nothing was written. */
class ImportReportDialog extends Dialog {

    final Grid<ImportProblem> grid = new Grid<>();

    ImportReportDialog(List<ImportProblem> problems) {
        setHeaderTitle(getTranslation("customer.import.failed"));
        add(new Paragraph(getTranslation("customer.import.nothing-written", problems.size())));
        grid.addColumn(ImportProblem::fileName).setHeader(getTranslation("customer.import.file")).setAutoWidth(true);
        grid.addColumn(ImportProblem::row).setHeader(getTranslation("customer.import.row")).setAutoWidth(true);
        grid.addColumn(ImportProblem::column).setHeader(getTranslation("customer.import.column")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.key(), p.args())).setHeader(getTranslation("customer.import.message"))
                .setFlexGrow(3);
        grid.setItems(problems);
        add(grid);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        setWidth("min(70em, 95vw)");
    }
}
