package dev.dynamodown.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.dynamodown.SortedKeyValueTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at {@code /} in a real headless Chromium: what a person sees. Uses the machine's
 * Debian {@code chromium} and {@code chromium-driver}, never a downloaded browser; without
 * them the test is skipped and says why.
 */
@SampleAppTest
@TestInstance(Lifecycle.PER_CLASS) // one browser for the class: it starts slower than a page loads
class SamplePageTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	SortedKeyValueTemplate<String> notes;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeAll
	void openBrowser(@TempDir Path profile) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String reason = "SamplePageTests skipped: they need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (Debian: apt-get install chromium chromium-driver)";
		if (!installed) {
			System.err.println(reason); // Maven's console shows a skip, not its reason
		}
		assumeTrue(installed, reason);
		// Both paths given: Selenium Manager has nothing to look up or download.
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile);
		this.browser = new ChromeDriver(driver, options);
		// The list is re-rendered after every call: an element may go stale while it is read.
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void showsTheSeededMeetupsThenAddsPagesAndDeletes() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		// The first namespace, meetups, is listed on load.
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "BrooklynJS"));
		assertThat(keysShown().get(0)).isEqualTo("brooklyn_js");

		new Select(this.browser.findElement(By.id("namespace"))).selectByValue("notes");
		type("prefix", "page:");
		type("page-size", "2");
		this.browser.findElement(By.id("refresh")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "no entries"));

		add("page:1", "one");
		add("page:2", "two");
		add("page:3", "three");
		// The third entry lands on page 2: the first page offers a next page once reloaded.
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("next")));
		assertThat(keysShown()).containsExactly("page:1", "page:2");

		this.browser.findElement(By.id("next")).click();
		this.wait.until((browser) -> keysShown().equals(List.of("page:3")));
		assertThat(this.browser.findElement(By.id("page-number")).getText()).isEqualTo("page 2");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-key='page:3'] td.value")).getText())
			.isEqualTo("three");
		assertThat(this.browser.findElement(By.id("next")).isEnabled()).isFalse();

		this.browser.findElement(By.cssSelector("tr[data-key='page:3'] button.delete")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Deleted page:3"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "no entries"));

		this.browser.findElement(By.id("previous")).click();
		this.wait.until((browser) -> keysShown().equals(List.of("page:1", "page:2")));
		assertThat(this.browser.findElement(By.id("next")).isEnabled()).isFalse();
	}

	@Test
	void showsTheProblemDetailOfABadEntry() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "BrooklynJS"));
		add("bad_js", "{\"name\": \"BadJS\"}");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "'url' must not be null"));
		assertThat(this.browser.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");
	}

	@Test
	void addsAndDeletesKeysThatTravelPercentEncoded() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "BrooklynJS"));
		new Select(this.browser.findElement(By.id("namespace"))).selectByValue("notes");
		for (String key : List.of("enc;a/b%c?d#e f 😀", "..", ".")) {
			type("prefix", key);
			this.browser.findElement(By.id("refresh")).click();
			add(key, "value of " + key);
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Saved " + key));
			assertThat(this.notes.get(key)).as(key).contains("value of " + key);
			this.wait.until((browser) -> keysShown().contains(key));

			((JavascriptExecutor) this.browser).executeScript("Array.from(document.querySelectorAll('#entries tr'))"
					+ ".find((row) => row.dataset.key === arguments[0]).querySelector('button.delete').click()", key);
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Deleted " + key));
			assertThat(this.notes.get(key)).as(key).isEmpty();
		}
	}

	void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	void add(String key, String value) {
		type("key", key);
		type("value", value);
		this.browser.findElement(By.id("add")).click();
		this.wait.until(ExpectedConditions.or(
				ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Saved " + key),
				ExpectedConditions.attributeToBe(By.id("status"), "class", "error")));
	}

	// Read in one script, so that a re-render cannot interleave with the reading.
	@SuppressWarnings("unchecked")
	List<String> keysShown() {
		return (List<String>) ((JavascriptExecutor) this.browser).executeScript(
				"return Array.from(document.querySelectorAll('#entries td.key'), (cell) => cell.textContent)");
	}

}
