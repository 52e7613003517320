package io.strata.cli.serve;

import com.sun.net.httpserver.Headers;
import io.strata.core.config.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a request may read the pages when {@code observe.serve.token} is set. A browser
 * shows the token once, as {@code ?token=}, and gets a cookie instead; curl sends it as
 * {@code Authorization: Bearer}.
 *
 * <p>The cookie holds a random value drawn when the server starts, not the token nor anything
 * derived from it: a cookie that leaks (a copied header, a browser profile) reveals nothing about
 * the token and stops working when the server stops. It needs no signature, since the server only
 * compares it with the one value it handed out.
 */
final class TokenGate {

    static final String COOKIE = "strata_observe";

    /** The outcome for one request. */
    sealed interface Decision permits Allowed, SignIn, Denied {}

    record Allowed() implements Decision {}

    /** The token was right in the query: send the browser back to {@code location} with {@code setCookie}. */
    record SignIn(String location, String setCookie) implements Decision {}

    record Denied() implements Decision {}

    // Digests, so the comparison takes the same time whatever the length of what was sent.
    private final byte[] tokenDigest;
    private final String session;
    private final byte[] sessionDigest;

    TokenGate(Secret token, SecureRandom random) {
        this.tokenDigest = sha256(token.reveal());
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.sessionDigest = sha256(session);
    }

    /**
     * @param path the request's path, where a sign-in sends the browser back to (without the query,
     *     so the token leaves the address bar and the history's latest entry)
     * @param rawQuery the request's query, or null
     */
    Decision check(String path, String rawQuery, Headers headers) {
        Optional<String> fromQuery = queryToken(rawQuery);
        if (fromQuery.isPresent()) {
            return matches(fromQuery.get(), tokenDigest)
                    ? new SignIn(path, COOKIE + "=" + session + "; HttpOnly; SameSite=Strict; Path=/")
                    : new Denied();
        }
        for (String authorization : headers.getOrDefault("Authorization", List.of())) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7) && matches(authorization.substring(7).trim(), tokenDigest)) {
                return new Allowed();
            }
        }
        for (String cookies : headers.getOrDefault("Cookie", List.of())) {
            for (String cookie : cookies.split(";")) {
                String pair = cookie.trim();
                if (pair.startsWith(COOKIE + "=") && matches(pair.substring(COOKIE.length() + 1), sessionDigest)) {
                    return new Allowed();
                }
            }
        }
        return new Denied();
    }

    private static Optional<String> queryToken(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("token=")) {
                // The server parsed the query as a URI already: its escapes are well formed.
                return Optional.of(URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String given, byte[] expectedDigest) {
        return MessageDigest.isEqual(sha256(given), expectedDigest);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }
}
