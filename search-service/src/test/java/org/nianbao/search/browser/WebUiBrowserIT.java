package org.nianbao.search.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nianbao.search.IndexedFixtures;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.ProjectionService;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the web UI in headless Debian Chromium: search in Chinese, filter by a facet and clear it, open a report,
 * check its tables and the highlighted finding, follow the agency comparison; screenshots go to target/screenshots.
 * Needs {@code apt-get install chromium chromium-driver} (paths overridable with CHROME_BIN / CHROMEDRIVER).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    ElasticsearchClient es;
    @Inject
    ReportIndexRepository repository;
    @Inject
    ProjectionService projection;
    @TestHTTPResource("/")
    URL base;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws IOException {
        IndexedFixtures.reset(es, repository, projection);
        Path profile = Files.createTempDirectory("nianbao-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,1600", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private String total() {
        return driver.findElement(By.id("total")).getText();
    }

    private By facet(String facet, String value) {
        return By.cssSelector("a[data-facet='" + facet + "'][data-value='" + value + "']");
    }

    @Test
    void searchFilterOpenReportAndCompareYears() throws IOException {
        driver.get(base + "index.html?q=" + URLEncoder.encode("行政复议", StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li.hit")));
        List<WebElement> marks = driver.findElements(By.cssSelector("#results .snippet em"));
        assertFalse(marks.isEmpty(), "snippets carry highlighted terms");
        assertTrue(marks.stream().anyMatch(m -> m.getText().equals("行政") || m.getText().equals("复议")));
        String unfiltered = total();
        assertTrue(driver.findElement(By.id("facet-list")).getText().contains("上海市"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-status svg rect")));
        screenshot("01-search.png");

        driver.findElement(facet("province", "上海市")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 1 份报告"));
        assertTrue(driver.getCurrentUrl().contains("province="), driver.getCurrentUrl());
        assertTrue(driver.findElement(facet("province", "上海市")).getAttribute("class").contains("active"));
        WebElement hit = driver.findElement(By.cssSelector("#results li.hit"));
        assertEquals("shanghai-bgt-2019", hit.getAttribute("data-id"));
        assertEquals("不合规", hit.findElement(By.cssSelector(".badge.noncompliant")).getText());
        screenshot("02-filtered.png");

        driver.findElement(facet("province", "上海市")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), unfiltered));
        assertFalse(driver.getCurrentUrl().contains("province="));

        driver.findElement(facet("status", "noncompliant")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "共 1 份报告"));
        driver.findElement(By.cssSelector("#results li.hit h3 a")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td[data-key='s3.new.total']")));
        assertEquals("859", driver.findElement(By.cssSelector("td[data-key='s3.new.total']")).getText());
        assertEquals("821", driver.findElement(By.cssSelector("td[data-key='s3.new.natural']")).getText());
        WebElement flagged = driver.findElement(By.cssSelector("td.flagged[data-key='s3.granted.total']"));
        assertTrue(flagged.getText().startsWith("空"), flagged.getText());
        assertTrue(flagged.getAttribute("class").contains("error"));
        assertEquals(3, driver.findElements(By.cssSelector("[data-section]")).size(), "tables 二, 三 and 四");
        flagged.click();
        WebElement finding = driver.findElement(By.id("finding-0"));
        wait.until(ExpectedConditions.attributeContains(finding, "class", "focus"));
        assertTrue(finding.getText().contains("S3.ROW_TOTAL"), finding.getText());
        assertTrue(finding.getText().contains("272"), finding.getText());
        assertTrue(driver.findElement(By.id("original-link")).getAttribute("href").contains("/api/originals/"));
        assertEquals(1, driver.findElements(By.cssSelector("#history tr")).size() - 1, "one version");
        screenshot("03-report.png");

        driver.get(base + "agency.html?key=" + URLEncoder.encode("平潭综合实验区", StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td[data-key='s3.new.total']")));
        List<WebElement> newTotals = driver.findElements(By.cssSelector("td[data-key='s3.new.total']"));
        assertEquals(5, newTotals.size());
        assertTrue(newTotals.get(3).getText().startsWith("70"), newTotals.get(3).getText());
        assertTrue(newTotals.get(4).getText().contains("+11"), newTotals.get(4).getText());
        screenshot("04-agency.png");
        assertTrue(Files.size(SCREENSHOTS.resolve("03-report.png")) > 10_000);
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }
}
