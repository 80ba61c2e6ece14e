package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review workbench in headless Chromium, by keyboard: move between groups, apply a rubric item to a whole group,
 * type a score of 0 for the next, split a group, regrade after a fix of the key, and read typeset maths. Screenshots at
 * 1366 and 390 wide; then the results, student, review, analytics and problem pages at 390 × 844 in Chinese: no sideways
 * scrolling, no header a character a line, no raw LaTeX.
 */
@QuarkusTest
class WorkbenchBrowserTest {

    final TeacherFlowPageTest flow = new TeacherFlowPageTest();
    WebDriver browser;

    @Test
    void aTeacherGradesOneProblemAcrossTheClassByKeyboard() throws Exception {
        boolean present = Files.isExecutable(BrowserFlowIT.CHROMIUM) && Files.isExecutable(BrowserFlowIT.DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must have chromium and chromium-driver: .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
        flow.login();
        String task = flow.createTask("Workbench");
        flow.uploadDemo(task);
        flow.grade(task);
        flow.awaitIdle(task);

        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String base = "http://localhost:" + port;
        browser = BrowserFlowIT.chromium(Files.createTempDirectory("smartai-workbench-"));
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.get(base + "/login");
            browser.manage().addCookie(new Cookie("smartai_session", flow.cookie, "/"));
            browser.get(base + "/tasks/" + task + "/problems/q1/workbench");
            List<WebElement> groups = await(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("#groups section.group"));
                return found.size() > 1 ? found : null;
            });
            assertThat(groups.get(0).getAttribute("class")).contains("current");
            int first = Integer.parseInt(groups.get(0).getAttribute("data-size"));
            assertThat(first).isGreaterThanOrEqualTo(Integer.parseInt(groups.get(1).getAttribute("data-size")));
            shot("workbench-1366.png");

            // j and k move between groups.
            keys("j");
            await(d -> current(d).equals("1"));
            keys("k");
            await(d -> current(d).equals("0"));

            // 1 applies the rubric's first item to the whole first group; the page moves on to the next group.
            List<String> firstStudents = students(groups.get(0));
            String item = browser.findElement(By.cssSelector("#rubric li[data-item='1'] strong")).getText();
            keys("1");
            await(d -> d.getCurrentUrl().contains("at=1") && current(d).equals("1"));
            for (String s : firstStudents) {
                assertThat(overrideOf(task, s)).isEqualTo(item);
            }

            // o types a score into the current group; 0 is a score like any other.
            List<String> second = students(browser.findElements(By.cssSelector("#groups section.group")).get(1));
            keys("o");
            new Actions(browser).sendKeys("0").sendKeys(Keys.ENTER).perform();
            await(d -> d.getCurrentUrl().contains("at=2"));
            for (String s : second) {
                assertThat(overrideOf(task, s)).isEqualTo("0");
            }

            // A split: only the named student of a group is decided.
            List<WebElement> now = browser.findElements(By.cssSelector("#groups section.group"));
            WebElement split = now.stream().filter(g -> students(g).size() > 1).findFirst().orElse(null);
            if (split != null) {
                List<String> members = students(split);
                WebElement form = split.findElement(By.cssSelector("form.decide-group"));
                form.findElement(By.name("students")).sendKeys(members.get(0));
                WebElement score = form.findElement(By.name("score"));
                score.clear();
                score.sendKeys("1");
                form.findElement(By.cssSelector("button.accept-group")).click();
                await(d -> overrideOf(task, members.get(0)).equals("1"));
                assertThat(overrideOf(task, members.get(1))).isNotEqualTo("1");
            }

            // The key editor is one click away; after a fix, the stale answers of the problem are regraded.
            assertThat(browser.findElement(By.id("key-editor")).getAttribute("href")).endsWith("#problem-q1");
            given().redirects().follow(false).cookie("smartai_session", flow.cookie).contentType(ContentType.URLENC)
                    .formParam("type", "choice").formParam("maxScore", "5").formParam("correctChoices", "C")
                    .post("/tasks/" + task + "/problems/q1").then().statusCode(303);
            browser.get(base + "/tasks/" + task + "/problems/q1/workbench");
            await(d -> d.findElements(By.id("regrade")).size() == 1);
            browser.findElement(By.id("regrade")).click();
            flow.awaitIdle(task);
            browser.get(base + "/tasks/" + task + "/problems/q1/workbench");
            await(d -> d.findElements(By.cssSelector("#groups section.group")).size() > 1);
            assertThat(browser.findElements(By.id("regrade"))).isEmpty();

            // Maths is typeset by MathJax from this server: no raw \frac is left in the rendered text, and the
            // source is one click away.
            browser.get(base + "/tasks/" + task + "/problems/q9/workbench");
            await(d -> !d.findElements(By.cssSelector(".rendered mjx-container")).isEmpty());
            for (WebElement rendered : browser.findElements(By.cssSelector(".rendered"))) {
                assertThat(rendered.getText()).doesNotContain("\\frac");
            }
            assertThat(browser.findElements(By.cssSelector("details.source pre")))
                    .anyMatch(p -> p.getAttribute("textContent").contains("\\frac"));
            shot("workbench-maths-1366.png");

            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            await(d -> !d.findElements(By.cssSelector(".rendered mjx-container")).isEmpty());
            Number width = (Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth;");
            shot("workbench-390.png");
            assertThat(width.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);

            // The other pages a teacher opens on a phone, in Chinese (the narrowest wrapping): no sideways scrolling
            // (tables scroll inside their cards), no header wrapped a character a line, and no raw LaTeX shown.
            browser.get(base + "/lang/zh");
            for (String[] page : new String[][] { { "results", "/tasks/" + task },
                    { "student", "/tasks/" + task + "/students/2023001" }, { "review", "/tasks/" + task + "/review" },
                    { "analytics", "/tasks/" + task + "/analytics" },
                    { "problem", "/tasks/" + task + "/problems/q9" } }) {
                browser.get(base + page[1]);
                await(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && Array.from("
                        + "document.querySelectorAll('.math')).every(e => e.querySelector('mjx-container'))")));
                shot(page[0] + "-390.png");
                assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                        .as("no sideways scrolling on the %s page at 390 px", page[0]).isLessThanOrEqualTo(392);
                assertThat((List<?>) js("return Array.from(document.querySelectorAll('th, h1, h2, h3, .badge, button'))"
                        + ".filter(e => e.offsetParent && e.textContent.trim().length >= 3 && e.clientWidth < 30)"
                        + ".map(e => e.textContent.trim());"))
                        .as("headers wrapped a character a line on the %s page", page[0]).isEmpty();
                assertThat(browser.findElement(By.tagName("body")).getText())
                        .as("maths typeset on the %s page", page[0]).doesNotContain("\\frac");
            }
        } finally {
            browser.quit();
        }
    }

    private void keys(String keys) {
        // Keys go to the page, not to a field.
        ((JavascriptExecutor) browser).executeScript(
                "if (document.activeElement) document.activeElement.blur();");
        new Actions(browser).sendKeys(keys).perform();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static String current(WebDriver d) {
        List<WebElement> current = d.findElements(By.cssSelector("#groups section.group.current"));
        return current.isEmpty() ? "" : current.get(0).getAttribute("data-group");
    }

    private static List<String> students(WebElement group) {
        return group.findElements(By.cssSelector(".member")).stream().map(m -> m.getAttribute("data-student-id"))
                .toList();
    }

    /** The teacher's score of one answer to q1 as the student page shows it, "" when there is none. */
    private String overrideOf(String task, String studentId) {
        String page = flow.page("/tasks/" + task + "/students/" + studentId);
        String block = HonestPagesTest.scoreBlock(page, "q1");
        int at = block.indexOf("class=\"override-score\">");
        return at < 0 ? "" : block.substring(at + 23, block.indexOf('<', at + 23));
    }

    private <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).until(condition::apply);
    }

    private void shot(String name) throws Exception {
        Path dir = Path.of("target", "ui");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
