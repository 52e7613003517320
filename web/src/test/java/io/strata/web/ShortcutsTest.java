package io.strata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The keyboard shortcuts: their script is in every page, inside the one inline script the policy
 * allows by hash, and the header tells the keys in the navigation's order.
 */
class ShortcutsTest {

    private static final Pattern SCRIPT = Pattern.compile("(?s)<script>(.*?)</script>");

    @Test
    void everyPageCarriesTheScriptThePolicyAllows() throws Exception {
        for (String page : new String[] {Site.export(SiteTest.hostile()),
                Site.page("journal", SiteTest.hostile()).orElseThrow()}) {
            Matcher script = SCRIPT.matcher(page);
            assertThat(script.find()).isTrue();
            String text = script.group(1);
            assertThat(script.find()).as("one inline script").isFalse();

            assertThat(text).startsWith(Shortcuts.SCRIPT);
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(Site.contentSecurityPolicy()).contains("script-src 'sha256-" + hash + "'");
            assertThat(page).contains("content=\"" + Site.contentSecurityPolicy() + "\"");
        }
    }

    @Test
    void theHeaderListsTheKeysInTheNavigationsOrder() {
        String page = Site.page("overview", SiteTest.hostile()).orElseThrow();
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));

        assertThat(header).contains("<details class=\"keys\"><summary>Keyboard shortcuts</summary>")
                .contains("<li><kbd>1</kbd> or <kbd>g</kbd> <kbd>o</kbd>: Overview</li>")
                .contains("<li><kbd>6</kbd> or <kbd>g</kbd> <kbd>j</kbd>: Journal</li>")
                .contains("<kbd>/</kbd>: the page's search or filter field");
        // The script follows the navigation's links: the hint's order must be theirs.
        int position = 0;
        for (Page p : Site.PAGES) {
            int link = header.indexOf(">" + p.title() + "</a>");
            int hint = header.indexOf(": " + p.title() + "</li>");
            assertThat(link).as(p.title()).isGreaterThan(position);
            assertThat(hint).as(p.title()).isGreaterThan(header.indexOf("Keyboard shortcuts"));
            position = link;
        }
        assertThat(header).contains("<nav aria-label=\"Pages\">");
        assertThat(Shortcuts.SCRIPT).contains("nav[aria-label=\"Pages\"] a").contains("#who-can, #journal-filter");
    }

    @Test
    void theFirstLettersOfThePagesAreDistinct() {
        // `g` then a letter picks the first page with that letter: two pages sharing one would hide the second.
        assertThat(Site.PAGES.stream().map(p -> Character.toLowerCase(p.title().charAt(0))).distinct().count())
                .isEqualTo(Site.PAGES.size());
    }

    @Test
    void everyFocusableElementShowsFocusAndTheHintIsNotPrinted() {
        assertThat(SiteStyle.CSS).contains("a:focus, button:focus, input:focus, select:focus, textarea:focus,"
                + " summary:focus, [tabindex]:focus {").contains(".skip, nav, .keys { display: none; }");
    }
}
