package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A teacher's first day in a real headless Chromium against the launcher jar on a fresh data directory: first
 * account, task, uploads, live progress, override, CSV. Screenshots of each step land in launcher/target/ui.
 */
class BrowserFlowIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path DEMO = AppProcess.repoRoot().resolve("samples/demo-hw");
    static final Path SHOTS = AppProcess.repoRoot().resolve("launcher/target/ui");

    WebDriver browser;
    AppProcess app;
    int step;

    @Test
    void firstDayInTheBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must have chromium and chromium-driver: .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");

        Path data = Files.createTempDirectory("smartai-browser-");
        Path downloads = Files.createDirectories(data.resolve("downloads"));
        Files.createDirectories(SHOTS);
        try (AppProcess started = AppProcess.start("launcher", Map.of("SMARTAI_DATA_DIR", data.toString()),
                List.of())) {
            app = started;
            app.awaitReady(Duration.ofSeconds(90));
            browser = chromium(downloads);
            try {
                walkThrough(downloads);
            } finally {
                browser.quit();
            }
        }
    }

    private void walkThrough(Path downloads) throws Exception {
        // First run: the home page sends a browser with no account anywhere to the setup form.
        browser.get(app.uri("/").toString());
        await(d -> d.getPageSource().contains("Create administrator account"));
        shot("first-run");
        type("username", "prof-li");
        type("displayName", "Prof. Li 李老师");
        type("password", "browser-password-1");
        type("confirm", "browser-password-1");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await(d -> d.findElements(By.cssSelector("input[name=name]")).size() > 0);
        assertThat(browser.getPageSource()).contains("Prof. Li 李老师");
        shot("dashboard");

        type("name", "离散数学 · Homework 2");
        browser.findElement(By.cssSelector("form[action='/tasks'] button")).click();
        await(d -> d.findElements(By.id("task-name")).size() > 0);
        assertThat(browser.findElement(By.id("task-name")).getText()).isEqualTo("离散数学 · Homework 2");
        shot("task-created");

        upload("problems", DEMO.resolve("problems.md"));
        await(d -> d.getPageSource().contains("9 problems found"));
        upload("answer-key", DEMO.resolve("answer-key.md"));
        upload("submissions", DEMO.resolve("students.zip"));
        await(d -> d.getPageSource().contains("10 students"));
        shot("set-up");

        browser.findElement(By.id("grade-button")).click();
        String job = await(d -> {
            List<WebElement> box = d.findElements(By.cssSelector("[data-job]"));
            return box.isEmpty() ? null : box.get(0).getAttribute("data-job");
        });
        shot("grading");
        // The page's own script reloads it when the job ends; results then replace the progress bar.
        await(Duration.ofSeconds(120), d -> d.findElements(By.cssSelector("#results tr[data-student-id]")).size() == 10
                && d.findElements(By.cssSelector("[data-job]")).isEmpty());
        shot("results");
        Object view = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/jobs/' + arguments[0] + '.json').then(r => r.json()).then(done);",
                job);
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) view;
        assertThat(progress.get("status")).isEqualTo("succeeded");
        assertThat(progress.get("done")).isEqualTo(progress.get("total"));

        String before = total("2023008");
        browser.findElement(By.cssSelector("tr[data-student-id='2023008'] a")).click();
        await(d -> d.getPageSource().contains("Save override"));
        shot("student");
        WebElement form = browser.findElement(By.cssSelector("form.override[action$='/q1/override']"));
        form.findElement(By.name("score")).sendKeys("5");
        form.findElement(By.name("comment")).sendKeys("Accepting C after a second look");
        form.findElement(By.cssSelector("button")).click();
        await(d -> d.findElements(By.className("override-score")).size() > 0);
        shot("overridden");
        browser.findElement(By.linkText("离散数学 · Homework 2")).click();
        await(d -> d.findElements(By.id("results")).size() > 0);
        assertThat(Double.parseDouble(total("2023008"))).isEqualTo(Double.parseDouble(before) + 5);

        browser.findElement(By.id("csv-link")).click();
        File csv = await(d -> {
            File[] files = downloads.toFile().listFiles((dir, name) -> name.endsWith(".csv"));
            return files == null || files.length == 0 ? null : files[0];
        });
        String text = Files.readString(csv.toPath(), StandardCharsets.UTF_8);
        assertThat(text).contains("2023008,孙强,5,");

        browser.findElement(By.linkText("Analytics")).click();
        await(d -> d.findElements(By.id("stat-students")).size() > 0);
        // Every chart image decoded: naturalWidth is 0 for a broken image.
        await(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return [...document.images].length >= 4 && [...document.images].every(i => i.complete && i.naturalWidth > 0);"));
        shot("analytics");

        browser.findElement(By.linkText("离散数学 · Homework 2")).click();
        await(d -> d.findElements(By.id("results")).size() > 0);
        // The review queue by keyboard alone: "a" accepts the highlighted grade, "o" then a score overrides one.
        browser.findElement(By.linkText("Review queue")).click();
        await(d -> d.findElements(By.cssSelector("#review-queue tr.current")).size() == 1);
        int waiting = browser.findElements(By.cssSelector("#review-queue tr[data-row]")).size();
        shot("review-queue");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("a").perform();
        await(d -> d.findElements(By.cssSelector("#review-queue tr[data-row]")).size() == waiting - 1);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("o").perform();
        await(d -> "score".equals(d.switchTo().activeElement().getAttribute("name")));
        browser.switchTo().activeElement().sendKeys("1" + org.openqa.selenium.Keys.ENTER);
        await(d -> d.findElements(By.cssSelector("#review-queue tr[data-row]")).size() == waiting - 2);
        shot("review-after");

        // A problem's deep dive from the results header, then the whole UI in Chinese by the switch.
        browser.findElement(By.linkText("离散数学 · Homework 2")).click();
        await(d -> d.findElements(By.id("results")).size() > 0);
        // q1's one wrong answer was overridden to full marks above, so it is q2 that has wrong answers to group.
        browser.findElement(By.cssSelector("#results thead a[href$='/problems/q2']")).click();
        await(d -> d.findElements(By.id("wrong-answers")).size() > 0);
        assertThat(browser.findElement(By.id("wrong-answers")).getText()).contains("2023004");
        await(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return [...document.images].length >= 1 && [...document.images].every(i => i.complete && i.naturalWidth > 0);"));
        shot("problem-deep-dive");
        browser.findElement(By.id("lang-zh")).click();
        await(d -> d.getPageSource().contains("常见错误答案"));
        shot("problem-deep-dive-zh");
        browser.findElement(By.linkText("任务")).click();
        await(d -> d.getPageSource().contains("我的批改任务"));
        shot("dashboard-zh");

        // Hostile names, file names and answers render as text, and nothing runs.
        browser.findElement(By.id("lang-en")).click();
        await(d -> d.getPageSource().contains("Your grading tasks"));
        type("name", "<img src=x onerror=alert('task')>");
        browser.findElement(By.cssSelector("form[action='/tasks'] button")).click();
        await(d -> d.findElements(By.id("task-name")).size() > 0);
        upload("problems", DEMO.resolve("problems.md"));
        Path evil = downloads.resolve("evil.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(evil), StandardCharsets.UTF_8)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("2023999_<svg onload=alert('file')>.md"));
            zip.write(("# 2023999 <script>alert('name')</script>\n## 1.\n<img src=x onerror=alert('answer')>\n"
                    + "## 2.\n[click](javascript:alert('link'))\n").getBytes(StandardCharsets.UTF_8));
        }
        upload("submissions", evil);
        assertNoAlert();
        assertThat(browser.findElement(By.id("task-name")).getText()).isEqualTo("<img src=x onerror=alert('task')>");
        browser.findElement(By.linkText("2023999")).click();
        await(d -> d.findElements(By.cssSelector("pre.answer-text")).size() > 0);
        assertNoAlert();
        // Answers are rendered as Markdown with raw HTML shown as text; the raw source is one click away.
        assertThat(browser.findElement(By.cssSelector("section[id='q1'] .rendered.answer-text")).getText())
                .isEqualTo("<img src=x onerror=alert('answer')>");
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        // The only SVG allowed is maths that MathJax typeset from the problem set (inside its mjx-container).
        assertThat(browser.findElements(By.cssSelector("main img, main svg:not(mjx-container svg), main script")))
                .isEmpty();
        shot("hostile-text");
    }

    private void assertNoAlert() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a script ran in the page: alert(" + text + ")");
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
            // Nothing ran.
        }
    }

    static WebDriver chromium(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--window-size=1280,1000",
                "--lang=en-US");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void upload(String kind, Path file) {
        for (int attempt = 1;; attempt++) {
            try {
                WebElement form = browser.findElement(By.cssSelector("form[action$='/upload/" + kind + "']"));
                form.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
                form.findElement(By.cssSelector("button")).click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException reloaded) {
                // The page reloaded as we reached for the form (a job it showed had just finished): find it again.
                if (attempt == 3) {
                    throw reloaded;
                }
            }
        }
        // The upload's parse job reloads the page when it is done.
        await(Duration.ofSeconds(90), d -> d.findElements(By.cssSelector("[data-job]")).isEmpty()
                && d.findElements(By.cssSelector("form[action$='/upload/" + kind + "']")).size() > 0);
    }

    private String total(String studentId) {
        return browser.findElement(By.cssSelector("tr[data-student-id='" + studentId + "'] .total")).getText().trim();
    }

    private void type(String name, String text) {
        WebElement input = browser.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private <T> T await(java.util.function.Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(30), condition);
    }

    private <T> T await(Duration timeout, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, timeout, Duration.ofMillis(100)).until(condition::apply);
    }

    private void shot(String name) throws Exception {
        step++;
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(String.format("browser-%02d-%s.png", step, name)), png);
    }
}
