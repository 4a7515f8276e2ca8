package dev.glaze.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders an {@link HttpError} byte for byte as Glance's WebOb does. Modern WebOb (upstream Glance) picks
 * HTML, JSON or plain text from {@code Accept}; WebOb before 1.6 (Icehouse, Rackspace) knows only HTML
 * (when {@code Accept} mentions html or {@code *}{@code /*}) and plain text.
 */
public final class ErrorBodies {
    /** A rendered error: its content type and body. */
    public record Rendered(String contentType, byte[] body) {
    }

    private ErrorBodies() {
    }

    public static Rendered render(HttpError error, String accept, boolean jsonAllowed) {
        if (error.fixedBody() != null) {
            return error.fixedBody();
        }
        String status = StatusLine.of(error.status());
        String detail = error.detail() == null ? "" : error.detail();
        // WebOb's usual body template: "${explanation}<br /><br />\n${detail}\n${html_comment}\n"
        String body = error.templateBody() != null
                ? error.templateBody()
                : error.explanation() + "<br /><br />\n" + detail + "\n\n";
        String kind = jsonAllowed ? Accepts.modernChoice(accept) : Accepts.legacyChoice(accept);
        return switch (kind) {
            case "json" -> new Rendered("application/json", utf8(json(body, status, StatusLine.title(error.status()))));
            case "html" -> new Rendered("text/html; charset=UTF-8", utf8(html(status, body)));
            default -> new Rendered("text/plain; charset=UTF-8", utf8(status + "\n\n" + stripTags(body)));
        };
    }

    private static String html(String status, String body) {
        return "<html>\n <head>\n  <title>" + status + "</title>\n </head>\n <body>\n  <h1>" + status + "</h1>\n  "
                + body + "\n </body>\n</html>";
    }

    private static String json(String message, String code, String title) {
        // Python's json.dumps with its default ", " and ": " separators and this key order.
        return "{\"message\": " + Json.quote(message) + ", \"code\": " + Json.quote(code) + ", \"title\": "
                + Json.quote(title) + "}";
    }

    /** WebOb's strip_tags: newlines become spaces, then br tags become newlines, other tags vanish. */
    static String stripTags(String value) {
        String s = value.replace('\n', ' ').replace("\r", "");
        s = s.replaceAll("(?is)<br.*?>", "\n");
        s = s.replace("<!--", "").replace("-->", "");
        return s.replaceAll("(?s)<.*?>", "");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Accept header negotiation between text/html and application/json, as WebOb does it. */
    static final class Accepts {
        private Accepts() {
        }

        static String legacyChoice(String accept) {
            if (accept != null && (accept.toLowerCase(Locale.ROOT).contains("html") || accept.contains("*/*"))) {
                return "html";
            }
            return "plain";
        }

        /** The offer with the highest quality, html winning ties (it is offered first); none matching means plain. */
        static String modernChoice(String accept) {
            if (accept == null || accept.isBlank()) {
                return "plain";
            }
            double html = quality(accept, "text", "html");
            double json = quality(accept, "application", "json");
            if (html <= 0 && json <= 0) {
                return "plain";
            }
            return html >= json ? "html" : "json";
        }

        private static double quality(String accept, String type, String subtype) {
            int bestSpecificity = -1;
            double q = 0;
            for (String range : accept.split(",")) {
                String[] parts = range.trim().split(";");
                String media = parts[0].trim().toLowerCase(Locale.ROOT);
                int slash = media.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                String t = media.substring(0, slash);
                String s = media.substring(slash + 1);
                int specificity;
                if (t.equals(type) && s.equals(subtype)) {
                    specificity = 2;
                } else if (t.equals(type) && s.equals("*")) {
                    specificity = 1;
                } else if (t.equals("*") && s.equals("*")) {
                    specificity = 0;
                } else {
                    continue;
                }
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    q = parseQ(parts);
                }
            }
            return q;
        }

        private static double parseQ(String[] parts) {
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        return Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
            return 1;
        }
    }
}
