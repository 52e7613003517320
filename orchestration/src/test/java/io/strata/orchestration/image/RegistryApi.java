package io.strata.orchestration.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The registry's HTTP API (distribution spec v2) spoken with java.net.http, independently of Jib:
 * what the tests check pushed images with.
 */
record RegistryApi(String host) {

    private static final String MANIFEST_TYPES =
            "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

    /** A manifest as served, with the digest of its bytes (which the registry also sends as a header). */
    record Manifest(JsonNode json, String digest, String headerDigest, String mediaType) {}

    Optional<Manifest> manifest(String repository, String reference) {
        HttpResponse<byte[]> response = get("/v2/" + repository + "/manifests/" + reference, MANIFEST_TYPES);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(response);
        return Optional.of(new Manifest(json(response.body()), sha256(response.body()),
                response.headers().firstValue("Docker-Content-Digest").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null)));
    }

    byte[] blob(String repository, String digest) {
        HttpResponse<byte[]> response = get("/v2/" + repository + "/blobs/" + digest, "*/*");
        check(response);
        return response.body();
    }

    JsonNode config(String repository, Manifest manifest) {
        return json(blob(repository, manifest.json().path("config").path("digest").asText()));
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, String accept) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://" + host + path)).header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + ": HTTP " + response.statusCode() + " " + new String(response.body()));
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
