package dev.vantage.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The check service end to end, as a customer sees it: Debian's headless Chromium (through
 * chromium-driver) signs up, adds 127.0.0.1 (allowed by --allow), proves control by its own
 * connection, orders a level-1 check of loopback ports where this test listens, and reads the
 * report, in English and in Japanese. Screenshots of every step go to target/screenshots/.
 */
class CheckServiceBrowserIT {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static Path dataDir;
    private static Path profile;
    private static CheckService service;
    private static WebDriver browser;
    private static final List<ServerSocket> listeners = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium")),
                "needs chromium and chromium-driver (bin/test-packages)");
        Files.createDirectories(SHOTS);
        dataDir = Files.createTempDirectory("vantage-serve-it");
        service = CheckService.start(dataDir, "--allow", "127.0.0.0/8", "--scan-rate", "0");
        profile = Files.createTempDirectory("vantage-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (service != null) service.close();
        for (ServerSocket s : listeners) s.close();
        MailDaemon.deleteTree(profile);
        MailDaemon.deleteTree(dataDir);
    }

    @Test
    void signUpProveControlOrderAndReadTheReport() throws Exception {
        try {
            walkThrough();
        } catch (Exception | AssertionError e) {
            shot("failure");
            throw new AssertionError("at " + browser.getCurrentUrl() + ": " + e.getMessage() + "\n" + service.log(), e);
        }
    }

    private void walkThrough() throws Exception {
        int open1 = listen();
        int open2 = listen();
        int closed = CheckService.freePort();

        browser.get(service.url("/"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "a visitor lands on the login page");
        shot("01-login");
        find(By.id("to-signup")).click();
        find(By.id("email")).sendKeys("owner@example.org");
        find(By.id("password")).sendKeys("correct horse battery staple");
        shot("02-signup");
        find(By.id("signup")).click();
        awaitText("No host yet");   // the empty dashboard

        find(By.id("host")).sendKeys("127.0.0.1");
        find(By.id("add-target")).click();
        assertEquals("127.0.0.1", find(By.id("client-address")).getText(), "the browser's own address");
        shot("03-target-unverified");

        find(By.id("verify-self")).click();
        awaitText("Control is proven");
        assertTrue(find(By.id("control")).getText().contains("proven by"));
        shot("04-target-verified");

        find(By.cssSelector("#level option[value='1']")).click();
        find(By.id("ports")).sendKeys(open1 + "," + open2 + "," + closed);
        find(By.id("place-order")).click();
        find(By.id("status"));
        shot("05-order");
        WebElement link = awaitReportLink();
        shot("06-order-done");
        link.click();

        awaitText("id=\"open-ports\"");
        String page = browser.getPageSource();
        assertTrue(page.contains(open1 + "/tcp") && page.contains(open2 + "/tcp"), "both open ports are in the report");
        assertFalse(page.contains(">" + closed + "/tcp<"), "the closed one is not");
        assertEquals("2", find(By.id("open-ports")).getText());
        shot("07-report");

        find(By.id("lang-switch")).click();
        awaitText("報告書");   // the report in Japanese
        shot("08-report-ja");
        find(By.linkText("検査対象")).click();
        shot("09-dashboard-ja");
        find(By.id("lang-switch")).click();

        browser.get(service.url("/account"));
        shot("10-account");
        browser.get(service.url("/activity"));
        awaitText("order-done");
        shot("11-activity");
        find(By.id("logout")).click();
        find(By.id("login"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"));
    }

    /** The order page refreshes itself every 2 s; wait (bounded) until it offers the report. */
    private static WebElement awaitReportLink() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            List<WebElement> links = browser.findElements(By.id("view-report"));
            if (!links.isEmpty()) return links.get(0);
            String status = browser.findElements(By.id("status")).isEmpty() ? "" : browser.findElement(By.id("status")).getText();
            if (status.equals("failed") || status.equals("cancelled")) throw new AssertionError("the order " + status + ": " + service.log());
            Thread.sleep(500);
        }
        throw new AssertionError("no report within 90 s: " + service.log());
    }

    /** Waits (bounded) until the page shows the text: a click's page may still be loading. */
    private static void awaitText(String text) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!browser.getPageSource().contains(text)) {
            if (System.nanoTime() > end) throw new AssertionError("no '" + text + "' on " + browser.getCurrentUrl());
            Thread.sleep(100);
        }
    }

    /** The element, once the page that has it is there (bounded wait: a click's page may still be loading). */
    private static WebElement find(By by) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<WebElement> found = browser.findElements(by);
            if (!found.isEmpty()) return found.get(0);
            if (System.nanoTime() > end) throw new AssertionError("no " + by + " on " + browser.getCurrentUrl());
            Thread.sleep(100);
        }
    }

    private static int listen() throws Exception {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listeners.add(s);
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    c.setSoTimeout(2000);
                    c.getInputStream().read();
                } catch (Exception e) {
                    // closed, or the client went away
                }
            }
        });
        return s.getLocalPort();
    }

    private static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
