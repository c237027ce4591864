package cn.keyaccount.report;

import java.util.List;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;

/** The chart colours of energy-audit.properties, applied alike to the Excel and the Word charts. */
final class ChartColours {

    private final List<byte[]> colours;

    ChartColours(List<byte[]> colours) {
        this.colours = colours;
    }

    private XDDFSolidFillProperties colour(int i) {
        return new XDDFSolidFillProperties(XDDFColor.from(colours.get(i % colours.size())));
    }

    /** Each slice its own colour: without one LibreOffice draws the slices of a pie invisible. */
    void slices(XDDFPieChartData.Series series, int count) {
        for (int i = 0; i < count; i++) {
            XDDFShapeProperties p = new XDDFShapeProperties();
            p.setFillProperties(colour(i));
            series.getDataPoint(i).setShapeProperties(p);
        }
    }

    /** Columns and areas: the i-th colour. */
    void fill(XDDFChartData.Series series, int i) {
        XDDFShapeProperties p = series.getShapeProperties() == null ? new XDDFShapeProperties()
                : series.getShapeProperties();
        p.setFillProperties(colour(i));
        series.setShapeProperties(p);
    }

    /** Lines: the i-th colour, 1.75 pt wide. */
    void line(XDDFChartData.Series series, int i) {
        XDDFShapeProperties p = series.getShapeProperties() == null ? new XDDFShapeProperties()
                : series.getShapeProperties();
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(colour(i));
        line.setWidth(1.75);
        p.setLineProperties(line);
        series.setShapeProperties(p);
    }
}
