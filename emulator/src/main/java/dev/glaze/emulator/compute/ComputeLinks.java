package dev.glaze.emulator.compute;

import dev.glaze.emulator.http.Query;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The absolute links of one Compute request, built from its Host the way Nova's view builders build them:
 * {@code self} under the versioned URL, {@code bookmark} under the unversioned one, both with the project.
 */
final class ComputeLinks {
    private final String glanceUrl;
    private final String versionedUrl;
    private final String unversionedUrl;
    private final String project;
    private final ComputeApiVersion version;
    private final NovaBehaviour nova;

    /**
     * @param baseUrl the service's URL as the client reached it ({@code http://host:port}); Glance answers there
     */
    ComputeLinks(String baseUrl, ComputeApiVersion version, String project, NovaBehaviour nova) {
        this.glanceUrl = baseUrl;
        this.unversionedUrl = baseUrl + "/" + ComputeRoutes.FIRST_SEGMENT;
        this.versionedUrl = unversionedUrl + "/" + version.segment();
        this.project = project;
        this.version = version;
        this.nova = nova;
    }

    String self(String collection, String id) {
        return versionedUrl + "/" + project + "/" + collection + "/" + id;
    }

    String bookmark(String collection, String id) {
        return unversionedUrl + "/" + project + "/" + collection + "/" + id;
    }

    /** An image's links: self, bookmark and, from v2 on, the alternate one to the image service. */
    List<Object> image(String id) {
        List<Object> links = new ArrayList<>();
        links.add(link("self", self("images", id)));
        links.add(link("bookmark", bookmark("images", id)));
        if (version.hasExtensions()) {
            Map<String, Object> alternate = new LinkedHashMap<>();
            alternate.put("rel", "alternate");
            alternate.put("type", "application/vnd.openstack.image");
            alternate.put("href", nova.alternateIsBookmark() ? bookmark("images", id) : glanceUrl + "/images/" + id);
            links.add(alternate);
        }
        return links;
    }

    /** A server's self and bookmark links. */
    List<Object> server(String id) {
        return List.of(link("self", self("servers", id)), link("bookmark", bookmark("servers", id)));
    }

    /**
     * The {@code next} link of a full page: the request's parameters sorted by key (then value; for a repeated key
     * the last in that order stays, as Python's {@code OrderedDict(sorted(params.items()))} keeps it), the marker
     * set to the last id, encoded as {@code urlencode} does.
     */
    String next(String collection, Query query, String lastId) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(query.entries());
        sorted.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sorted) {
            params.put(e.getKey(), e.getValue());
        }
        params.put("marker", lastId);
        StringBuilder sb = new StringBuilder(versionedUrl).append('/').append(project).append('/').append(collection);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(quotePlus(e.getKey())).append('=').append(quotePlus(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static Map<String, Object> link(String rel, String href) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", href);
        return link;
    }

    /** Python 3's {@code urllib.parse.quote_plus}: letters, digits and {@code _.-~} stay, space is {@code +}. */
    static String quotePlus(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_.-~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
