package dev.glaze.emulator.swift;

import dev.glaze.emulator.http.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain text (one name a line) or JSON, chosen as Swift chooses: the {@code format} query parameter first,
 * else the {@code Accept} header, else plain. Swift also offers XML; this service does not (406).
 */
enum ListingFormat {
    PLAIN("text/plain; charset=utf-8"),
    JSON("application/json; charset=utf-8");

    /** Swift's offers, in its order of preference among equally acceptable ones. */
    private static final List<String> OFFERS = List.of("text/plain", "application/json", "application/xml",
            "text/xml");

    final String contentType;

    ListingFormat(String contentType) {
        this.contentType = contentType;
    }

    static ListingFormat of(Exchange ex) {
        String format = ex.query().last("format");
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "xml" -> throw noXml();
                default -> PLAIN;   // Swift treats any other value as plain
            };
        }
        String accept = ex.header("Accept");
        String chosen = bestOffer(accept == null || accept.isBlank() ? "*/*" : accept);
        if (chosen == null) {
            throw SwiftException.of(406);
        }
        return switch (chosen) {
            case "text/plain" -> PLAIN;
            case "application/json" -> JSON;
            default -> throw noXml();
        };
    }

    private static SwiftException noXml() {
        return SwiftException.withReason(406, "XML listings are not offered here; use format=json or plain text");
    }

    /** swob's {@code Accept.best_match}: ranges by quality (wildcards a hair lower), each tried on every offer. */
    private static String bestOffer(String accept) {
        record Range(String type, double quality) {
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        throw SwiftException.badRequest("Invalid Accept header");
                    }
                }
            }
            if (type.startsWith("*/") || type.endsWith("/*")) {
                q -= 0.01;
            }
            if (q > 0) {
                ranges.add(new Range(type, q));
            }
        }
        ranges.sort((a, b) -> Double.compare(b.quality(), a.quality()));
        for (Range r : ranges) {
            for (String offer : OFFERS) {
                if (matches(r.type(), offer)) {
                    return offer;
                }
            }
        }
        return null;
    }

    private static boolean matches(String range, String offer) {
        if (range.equals("*/*") || range.equals("*")) {
            return true;
        }
        if (range.endsWith("/*")) {
            return offer.startsWith(range.substring(0, range.length() - 1));
        }
        return range.equals(offer);
    }
}
