package cn.keyaccount.energy.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Map;

/**
 * One Apache ECharts chart (Apache-2.0), drawn in the browser by the {@code <energy-chart>} Lit element
 * (src/main/frontend/energy-chart.ts) from an ECharts option built on the server. The option travels as JSON text.
 */
@Tag("energy-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./energy-chart.ts")
public class EnergyChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EnergyChart(String id) {
        setId(id);
    }

    /** Shows a chart: an ECharts option as maps, lists, strings and numbers (NaN becomes null: a gap). */
    public void setOption(Map<String, Object> option) {
        try {
            getElement().setProperty("option", JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("chart option is not serialisable", e);
        }
    }

    /** The option as sent to the browser (JSON text). */
    public String getOption() {
        return getElement().getProperty("option", "");
    }
}
