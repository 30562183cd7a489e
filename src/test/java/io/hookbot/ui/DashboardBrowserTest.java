package io.hookbot.ui;

import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser (headless Chromium through ChromeDriver): sign in, find the conversation of an
 * SMS just posted and see its reply and status, retry a dead letter and watch it become SENT, resume a paused
 * channel, run a message through "try", see who is online, watch the overview refresh itself, and read a
 * transcript at a phone's width. One app and one browser for the class, the steps in order. Every wait is for a
 * condition, with a deadline.
 *
 * <p>Screenshots of the main pages go to {@code target/dashboard/}, or to the folder {@code -Ddashboard.screenshots}
 * names ({@code docs/dashboard} for the documentation: docs/dashboard.md says how).
 */
@RequiresChromium
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final String TOKEN = "browser-admin-token-42";
    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final AtomicInteger IDS = new AtomicInteger(90_000);
    static final String RULES = """
            bot: auto-reply
            channels: [sms-main]
            rules:
              - name: greeting
                when:
                  keywords: [hello, hi]
                then:
                  - reply: "Hello {{sender.id}}! Send HELP to see what I can do."
              - name: order-status
                when:
                  regex: '\\border\\s+#?(?<number>\\d{3,10})\\b'
                then:
                  - set: { last-order: "{{match.number}}" }
                  - reply: "Order {{match.number}} is on its way."
              - name: fallback
                then:
                  - reply: "Sorry, I did not understand \\"{{text}}\\". Send HELP."
            """;

    static TestApp app;
    static FakeGateway gateway;
    static WebDriver browser;
    static ChromeDriverService driver;
    static WebDriverWait waiting;
    static Path screenshots;

    @BeforeAll
    static void start() throws IOException {
        gateway = new FakeGateway();
        app = TestApp.on(Database.h2())
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.max-attempts", 2)
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("k"))
                .with(TestChannel.mqttChat("chat").token("chat-token"))
                .rules("auto-reply.yml", RULES)
                .start();
        driver = new ChromeDriverService.Builder().usingDriverExecutable(RequiresChromium.Condition.driver().orElseThrow()
                .toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiresChromium.Condition.browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1100,760", "--hide-scrollbars", "--lang=en-US");
        browser = new ChromeDriver(driver, options);
        waiting = new WebDriverWait(browser, DEADLINE);
        screenshots = Path.of(System.getProperty("dashboard.screenshots", "target/dashboard"));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (driver != null) {
            driver.stop();
        }
        if (app != null) {
            app.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    @Order(1)
    void signsInWithTheAdminToken() {
        browser.get(app.url() + "/ui");
        waiting.until(ExpectedConditions.urlContains("/ui/login"));
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.error"),
                "not the admin token"));
        screenshot("sign-in");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
        assertFalse(browser.getPageSource().contains(TOKEN));
    }

    @Test
    @Order(2)
    void findsTheConversationOfAnSmsJustPostedWithItsReplyAndStatus() {
        sms("+15550001", "Where is order #12345?");
        sms("+15550001", "hello again");
        browser.get(app.url() + "/ui/conversations");
        browser.findElement(By.id("user")).sendKeys("15550001");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        WebElement link = waiting.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//table[contains(@class,'conversations')]//a[contains(., '+15550001')]")));
        link.click();
        waiting.until(ExpectedConditions.urlMatches("/ui/conversations/\\d+$"));
        until("both replies SENT", () -> {
            browser.navigate().refresh();
            List<WebElement> statuses = browser.findElements(By.cssSelector(".msg.out .reply-status"));
            return statuses.size() == 2 && statuses.stream().allMatch(s -> s.getText().equals("SENT"));
        });
        String transcript = browser.findElement(By.className("transcript")).getText();
        assertTrue(transcript.contains("Where is order #12345?"), transcript);
        assertTrue(transcript.contains("Order 12345 is on its way."), transcript);
        assertTrue(transcript.contains("answered by auto-reply / order-status"), transcript);
        assertTrue(transcript.contains("number = \u201c12345\u201d"), transcript);
        screenshot("conversation");
    }

    @Test
    @Order(3)
    void retriesADeadLetterAndWatchesItBecomeSent() {
        gateway.otherwise(new FakeGateway.Answer(500, "gateway down", Map.of(), 0));
        sms("+15550002", "what time do you open?");
        Eventually.await("the reply dead-lettered", DEADLINE,
                () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'FAILED'") == 1);
        browser.get(app.url() + "/ui/outbox");
        WebElement retry = waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.retry")));
        String row = browser.findElement(By.cssSelector("table.outbox tbody tr")).getAttribute("id");
        assertTrue(browser.findElement(By.id(row)).getText().contains("500"), "its last error");
        screenshot("outbox");
        gateway.otherwise(FakeGateway.Answer.ok());
        retry.click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"), "back in line"));
        new Select(browser.findElement(By.id("status"))).selectByValue("ALL");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        until("the retried reply SENT", () -> {
            browser.navigate().refresh();
            return browser.findElement(By.id(row)).getText().contains("SENT");
        });
    }

    @Test
    @Order(4)
    void resumesAPausedChannel() {
        gateway.otherwise(FakeGateway.Answer.http(401));
        sms("+15550003", "hello");
        Eventually.await("the channel paused", DEADLINE, () -> app.count("SELECT COUNT(*) FROM channel_pause") == 1);
        browser.get(app.url() + "/ui/channels");
        WebElement resume = waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.resume")));
        assertTrue(browser.findElement(By.id("channel-sms-main")).getText().contains("paused"));
        screenshot("channels");
        gateway.otherwise(FakeGateway.Answer.ok());
        resume.click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.className("notice"), "resumed"));
        assertTrue(browser.findElements(By.cssSelector("button.resume")).isEmpty());
        assertTrue(browser.findElement(By.id("channel-sms-main")).getText().contains("active"));
        Eventually.await("the waiting reply sent", DEADLINE, () -> app.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 4);
    }

    @Test
    @Order(5)
    void runsAMessageThroughTheRulesWithTry() {
        browser.get(app.url() + "/ui/bots");
        new Select(browser.findElement(By.id("channel"))).selectByValue("sms-main");
        browser.findElement(By.id("text")).sendKeys("is order 777 shipped?");
        browser.findElement(By.cssSelector("form.try button[type=submit]")).click();
        WebElement explanation = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.className("explanation")));
        String text = explanation.getText();
        assertTrue(text.contains("fired auto-reply / order-status"), text);
        assertTrue(text.contains("reply: Order 777 is on its way."), text);
        assertTrue(text.contains("no auto-reply / greeting"), text);
        assertTrue(text.contains("1 rule(s) fired."), text);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);",
                browser.findElement(By.cssSelector("form.try")));
        screenshot("bots");
    }

    @Test
    @Order(6)
    void showsWhoIsOnline() {
        assertEquals(200, app.postTo("/webhooks/chat?token=chat-token", "application/json",
                "{\"userid\":7,\"status\":\"online\",\"timestamp\":1602511574}").statusCode());
        browser.get(app.url() + "/ui/presence");
        until("user 7 online", () -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("table.presence tbody tr")).stream()
                    .anyMatch(r -> r.getText().contains("7") && r.getText().contains("online"));
        });
        screenshot("presence");
    }

    @Test
    @Order(7)
    void theOverviewRefreshesItselfWithoutAReload() {
        browser.get(app.url() + "/ui");
        WebElement figures = browser.findElement(By.id("figures"));
        assertTrue(figures.getText().contains("sms-main"), figures.getText());
        Object marker = ((JavascriptExecutor) browser).executeScript("window.notReloaded = true; return 1;");
        assertEquals(1L, marker);
        sms("+15550004", "hello");
        until("the figures refreshed in place", () -> browser.findElement(By.id("figures"))
                .getAttribute("data-refreshed") != null);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"),
                "the page itself was not reloaded");
        screenshot("overview");
    }

    @Test
    @Order(8)
    void aTranscriptReadsAtAPhonesWidth() {
        browser.get(app.url() + "/ui/conversations?user=15550001");
        browser.findElement(By.xpath("//table[contains(@class,'conversations')]//a")).click();
        waiting.until(ExpectedConditions.urlMatches("/ui/conversations/\\d+$"));
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).longValue() <= 0, "the page is " + overflow + " px wider than the phone");
            screenshot("conversation-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1100, 760));
        }
    }

    private static void until(String what, Supplier<Boolean> condition) {
        waiting.withMessage(what).until(ignored -> condition.get());
    }

    private static void screenshot(String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sms(String phone, String text) {
        String body = "secret=s1&type=sms&data%5Bid%5D=" + IDS.incrementAndGet()
                + "&data%5Bdevice%5D=dev-1&data%5Bsim%5D=1&data%5Bphone%5D=" + URLEncoder.encode(phone,
                StandardCharsets.UTF_8) + "&data%5Bmessage%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", "application/x-www-form-urlencoded", body).statusCode());
    }
}
