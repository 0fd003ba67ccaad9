package org.govflow.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test needs: Debian's Chromium driven by Playwright (never a browser Playwright
 * downloads), a login as a demo user, and screenshots under target/screenshots for review.
 */
abstract class BrowserTestSupport {

  static final Path CHROMIUM =
      Paths.get(System.getenv().getOrDefault("GOVFLOW_CHROMIUM", "/usr/bin/chromium"));
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  static Playwright playwright;
  static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void chromium() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    // root in containers and CI: Chromium's sandbox needs user namespaces
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /** A new browser context, logged in as the demo user (password "demo"), on the home page. */
  Page loggedIn(String user) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900));
    Page page = context.newPage();
    page.navigate("http://localhost:" + port + "/login");
    page.locator("input[name=username]").fill(user);
    page.locator("input[name=password]").fill("demo");
    page.locator("form button[type=submit]").first().click();
    page.waitForURL(Pattern.compile(".*/$"));
    return page;
  }

  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
