package dev.glaze.core;

import java.net.URI;
import java.util.Optional;

/**
 * The service answered a request with an error status. Carries what a person needs to understand it: the method,
 * the URL, the status and the server's own message (taken from a JSON, HTML or plain-text body).
 *
 * <pre>{@code
 * catch (ApiException e) {
 *     System.err.println(e.getMessage());  // PATCH http://.../v2/images/1c3f...: 403 Forbidden: Attribute 'status' is read-only.
 *     int status = e.status();
 * }
 * }</pre>
 *
 * Subclasses name the statuses scripts handle most: {@link BadRequestException} (400), {@link UnauthorizedException}
 * (401), {@link ForbiddenException} (403), {@link NotFoundException} (404), {@link ConflictException} (409),
 * {@link OverLimitException} (413, 429), {@link ServerErrorException} (5xx).
 */
public class ApiException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final URI url;
    private final int status;
    private final String serverMessage;
    private final String requestId;

    public ApiException(String method, URI url, int status, String serverMessage, String requestId) {
        super(describe(method, url, status, serverMessage));
        this.method = method;
        this.url = url;
        this.status = status;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.requestId = requestId;
    }

    /** The subclass that fits {@code status}. */
    public static ApiException of(String method, URI url, int status, String serverMessage, String requestId) {
        switch (status) {
            case 400: return new BadRequestException(method, url, status, serverMessage, requestId);
            case 401: return new UnauthorizedException(method, url, status, serverMessage, requestId);
            case 403: return new ForbiddenException(method, url, status, serverMessage, requestId);
            case 404: return new NotFoundException(method, url, status, serverMessage, requestId);
            case 409: return new ConflictException(method, url, status, serverMessage, requestId);
            case 413:
            case 429: return new OverLimitException(method, url, status, serverMessage, requestId);
            default:
                return status >= 500
                        ? new ServerErrorException(method, url, status, serverMessage, requestId)
                        : new ApiException(method, url, status, serverMessage, requestId);
        }
    }

    private static String describe(String method, URI url, int status, String serverMessage) {
        String text = method + " " + url + ": " + status + " " + reason(status);
        return serverMessage == null || serverMessage.isBlank() ? text : text + ": " + serverMessage;
    }

    /** The standard reason phrase of a status ({@code 404} gives {@code Not Found}). */
    public static String reason(int status) {
        switch (status) {
            case 300: return "Multiple Choices";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 303: return "See Other";
            case 307: return "Temporary Redirect";
            case 308: return "Permanent Redirect";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 406: return "Not Acceptable";
            case 409: return "Conflict";
            case 410: return "Gone";
            case 411: return "Length Required";
            case 412: return "Precondition Failed";
            case 413: return "Request Entity Too Large";
            case 415: return "Unsupported Media Type";
            case 416: return "Requested Range Not Satisfiable";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return status >= 500 ? "Server Error" : "Error";
        }
    }

    public String method() {
        return method;
    }

    public URI url() {
        return url;
    }

    public int status() {
        return status;
    }

    /** The server's message, without markup; empty when the body said nothing readable. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The {@code x-openstack-request-id} of the answer, for the operator's logs. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
