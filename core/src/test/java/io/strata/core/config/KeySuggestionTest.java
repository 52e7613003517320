package io.strata.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {

    @Test
    void suggestsCloseKeys() {
        assertThat(KeySuggestion.nearest("databse", ConfigParser.ENVIRONMENT_KEYS)).contains("database");
        assertThat(KeySuggestion.nearest("lock-timeout", ConfigParser.ENVIRONMENT_KEYS)).contains("lock_timeout");
        assertThat(KeySuggestion.nearest("lock_timoeut", ConfigParser.ENVIRONMENT_KEYS)).contains("lock_timeout");
        assertThat(KeySuggestion.nearest("URL", ConfigParser.DATABASE_KEYS)).contains("url");
        assertThat(KeySuggestion.nearest("username", ConfigParser.DATABASE_KEYS)).contains("user");
        assertThat(KeySuggestion.nearest("pass", ConfigParser.DATABASE_KEYS)).contains("password");
        assertThat(KeySuggestion.nearest("environment", ConfigParser.TOP_KEYS)).contains("environments");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(KeySuggestion.nearest("kubernetes", ConfigParser.ENVIRONMENT_KEYS)).isEmpty();
        assertThat(KeySuggestion.nearest("x", List.of("url", "user"))).isEmpty();
        assertThat(KeySuggestion.nearest("schema", ConfigParser.DATABASE_KEYS)).isEmpty();
    }
}
