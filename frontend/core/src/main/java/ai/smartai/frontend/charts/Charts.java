package ai.smartai.frontend.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.GradeBands;
import ai.smartai.model.analytics.HistogramBin;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.analytics.ProblemStats;
import ai.smartai.model.common.Scores;
import org.jboss.logging.Logger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** Charts drawn on the server as PNG with a font that has Chinese glyphs, so labels never render as boxes. */
public final class Charts {

    static final Color ACCENT = new Color(0x24, 0x56, 0xd6);
    static final Color OK = new Color(0x1e, 0x7a, 0x46);
    static final Color[] BANDS = { new Color(0x1e, 0x7a, 0x46), new Color(0x4f, 0x9d, 0x69),
            new Color(0x24, 0x56, 0xd6),
            new Color(0x9a, 0x5b, 0x00), new Color(0xb4, 0x23, 0x18) };

    static {
        System.setProperty("java.awt.headless", "true");
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        String family = cjkFamily();
        theme.setExtraLargeFont(new Font(family, Font.BOLD, 16));
        theme.setLargeFont(new Font(family, Font.BOLD, 13));
        theme.setRegularFont(new Font(family, Font.PLAIN, 12));
        theme.setSmallFont(new Font(family, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xdd, 0xe2, 0xea));
        theme.setBarPainter(new StandardBarPainter());
        ChartFactory.setChartTheme(theme);
    }

    private Charts() {
    }

    /** The first installed font that can show Chinese, else the logical sans-serif. */
    static String cjkFamily() {
        List<String> families = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames());
        for (String f : List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Source Han Sans SC", "Droid Sans Fallback", "Noto Sans CJK JP")) {
            if (families.contains(f)) {
                return f;
            }
        }
        Logger.getLogger(Charts.class).warn("No font with Chinese glyphs is installed, so Chinese "
                + "chart labels will show as boxes. Install one, e.g. apt-get install fonts-noto-cjk.");
        return Font.SANS_SERIF;
    }

    public static byte[] histogram(Analytics a, boolean zh) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HistogramBin b : a.histogram()) {
            data.addValue(b.count(), zh ? "学生数" : "students", Scores.format(b.from()) + "–" + Scores.format(b.to()));
        }
        JFreeChart chart = ChartFactory.createBarChart(zh ? "总分分布" : "Score distribution", zh ? "总分" : "total",
                zh ? "学生数" : "students", data, PlotOrientation.VERTICAL, false, false, false);
        color(chart, ACCENT);
        // Students come whole: no 0.5 ticks on the count axis.
        ((CategoryPlot) chart.getPlot()).getRangeAxis()
                .setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart, 760, 340);
    }

    /** Students per score of one problem, lowest score on the left. */
    public static byte[] distribution(ProblemDeepDive dive, boolean zh) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        dive.distribution().stream().sorted(Comparator.comparingDouble(ProblemDeepDive.ScoreCount::score))
                .forEach(d -> data.addValue(d.count(), zh ? "学生数" : "students", Scores.format(d.score())));
        JFreeChart chart = ChartFactory.createBarChart(dive.problemId() + (zh ? " 得分分布" : " scores"),
                zh ? "得分" : "score", zh ? "学生数" : "students", data, PlotOrientation.VERTICAL, false, false, false);
        color(chart, ACCENT);
        ((CategoryPlot) chart.getPlot()).getRangeAxis()
                .setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart, 760, 300);
    }

    public static byte[] problems(Analytics a, boolean zh) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ProblemStats p : a.perProblem()) {
            data.addValue(p.maxScore() == 0 ? 0 : 100 * p.mean() / p.maxScore(), zh ? "平均得分率 %" : "mean %",
                    p.problemId());
            data.addValue(100 * p.passRate(), zh ? "及格率 %" : "pass rate %", p.problemId());
        }
        JFreeChart chart = ChartFactory.createBarChart(zh ? "各题表现" : "Per problem", zh ? "题目" : "problem", "%",
                data, PlotOrientation.VERTICAL, true, false, false);
        BarRenderer r = (BarRenderer) ((CategoryPlot) chart.getPlot()).getRenderer();
        r.setSeriesPaint(0, ACCENT);
        r.setSeriesPaint(1, OK);
        ((CategoryPlot) chart.getPlot()).getRangeAxis().setRange(0, 100);
        return png(chart, 760, 340);
    }

    /** Scores per problem, one box each. */
    public static byte[] boxes(Map<String, List<Double>> scores, boolean zh) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        scores.forEach((problem, values) -> data.add(new ArrayList<>(values), zh ? "得分" : "score", problem));
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(zh ? "各题得分箱线图" : "Scores per problem",
                zh ? "题目" : "problem", zh ? "得分" : "score", data, false);
        var renderer = (BoxAndWhiskerRenderer) ((CategoryPlot) chart.getPlot())
                .getRenderer();
        // A light box keeps the median line readable; the mean marker scales with the box width.
        renderer.setSeriesPaint(0, new Color(0xc7, 0xd6, 0xf5));
        renderer.setSeriesOutlinePaint(0, ACCENT);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setMaximumBarWidth(0.05);
        renderer.setFillBox(true);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1f));
        return png(chart, 760, 340);
    }

    /** Students per grade band ({@link GradeBands}), best band first. */
    public static Map<String, Integer> bands(List<Double> totalsPercent, boolean zh) {
        return GradeBands.count(totalsPercent, zh);
    }

    public static byte[] bandPie(Map<String, Integer> bands, boolean zh) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        bands.forEach((k, v) -> {
            if (v > 0) {
                data.setValue(k, v);
            }
        });
        JFreeChart chart = ChartFactory.createPieChart(zh ? "成绩等级" : "Grade bands", data, true, false, false);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        int i = 0;
        for (String k : bands.keySet()) {
            plot.setSectionPaint(k, BANDS[i++ % BANDS.length]);
        }
        plot.setOutlineVisible(false);
        return png(chart, 420, 340);
    }

    private static void color(JFreeChart chart, Color c) {
        ((CategoryPlot) chart.getPlot()).getRenderer().setSeriesPaint(0, c);
    }

    private static byte[] png(JFreeChart chart, int w, int h) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, w, h);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
