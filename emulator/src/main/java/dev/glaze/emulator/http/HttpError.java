package dev.glaze.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer, thrown from anywhere while serving a request and rendered by {@link ErrorBodies}
 * the way Glance's WebOb exceptions are: {@code explanation} is the first line, {@code detail} the optional second.
 */
public final class HttpError extends RuntimeException {
    private final int status;
    private final String explanation;
    private final String detail;
    private final ErrorBodies.Rendered fixedBody;
    private final String templateBody;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpError(int status, String explanation, String detail, String templateBody,
            ErrorBodies.Rendered fixedBody) {
        super(status + " " + explanation + (detail == null ? "" : " " + detail), null, false, false);
        this.status = status;
        this.explanation = explanation;
        this.detail = detail;
        this.templateBody = templateBody;
        this.fixedBody = fixedBody;
    }

    private HttpError(int status, String explanation, String detail) {
        this(status, explanation, detail, null, null);
    }

    /**
     * An error answered with this exact body whatever the request's {@code Accept}, as the services in front of
     * Glance (keystonemiddleware, an identity service) answer.
     */
    public static HttpError withFixedBody(int status, String explanation, String contentType, byte[] body) {
        return new HttpError(status, explanation, null, null, new ErrorBodies.Rendered(contentType, body.clone()));
    }

    public static HttpError of(int status, String explanation) {
        return new HttpError(status, explanation, null);
    }

    public static HttpError withDetail(int status, String explanation, String detail) {
        return new HttpError(status, explanation, detail);
    }

    /**
     * WebOb's 415, whose body template differs from the others': it names the request's media type (as sent,
     * parameters included), and the detail follows the break directly, with no trailing blank lines.
     */
    public static HttpError unsupportedMediaType(String requestMediaType, String detail) {
        String explanation = "The request media type " + requestMediaType + " is not supported by this server.";
        return new HttpError(415, explanation, detail,
                explanation + "\n<br /><br />\n" + (detail == null ? "" : detail), null);
    }

    /**
     * An error whose WebOb body template is its own ({@code body_template='${explanation}'}): the explanation alone,
     * with none of the usual {@code <br />} and trailing lines.
     */
    public static HttpError withPlainTemplate(int status, String explanation) {
        return new HttpError(status, explanation, null, explanation, null);
    }

    public static HttpError badRequest(String explanation) {
        return of(400, explanation);
    }

    public static HttpError forbidden(String explanation) {
        return of(403, explanation);
    }

    public static HttpError notFound(String explanation) {
        return of(404, explanation);
    }

    /** WebOb's default 404, used for unknown routes. */
    public static HttpError notFound() {
        return of(404, "The resource could not be found.");
    }

    public static HttpError conflict(String explanation) {
        return of(409, explanation);
    }

    public HttpError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String explanation() {
        return explanation;
    }

    public String detail() {
        return detail;
    }

    /** The body of a {@link #withFixedBody} error, else null (the body is negotiated as WebOb does). */
    public ErrorBodies.Rendered fixedBody() {
        return fixedBody;
    }

    /** The whole WebOb body (before formatting) when this error's template is not the usual one, else null. */
    public String templateBody() {
        return templateBody;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
