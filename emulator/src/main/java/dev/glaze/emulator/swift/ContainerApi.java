package dev.glaze.emulator.swift;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/AUTH_<project>/<container>}: create, list, totals, delete. */
final class ContainerApi {
    private final ObjectStore store;

    ContainerApi(ObjectStore store) {
        this.store = store;
    }

    /** 201 when new, 202 (with swob's "Accepted" page) when it was there already. */
    void put(SwiftRequest req) throws IOException {
        SwiftPath p = req.path();
        req.answer().standard(store.createContainer(p.account(), p.container()) ? 201 : 202);
    }

    void head(SwiftRequest req) throws IOException {
        totals(req);
        req.answer().headersOnly(204, ListingFormat.PLAIN.contentType, -1);
    }

    /** The object listing: 204 when empty in plain text; subdirs as names (plain) or {@code {"subdir": ...}}. */
    void list(SwiftRequest req) throws IOException {
        ListingFormat format = ListingFormat.of(req.exchange());
        ListingQuery query = req.listingQuery();
        totals(req);
        SwiftPath p = req.path();
        List<ObjectInfo> page = store.objects(p.account(), p.container(), query);
        Listings.send(req, format, page, ObjectInfo::name, o -> {
            Map<String, Object> item = new LinkedHashMap<>();   // Swift's key order
            if (o.isSubdir()) {
                item.put("subdir", o.name());
            } else {
                item.put("bytes", o.size());
                item.put("hash", o.etag());
                item.put("name", o.name());
                item.put("content_type", o.contentType());
                item.put("last_modified", SwiftTimes.isoformat(o.lastModified()));
            }
            return item;
        });
    }

    /** 204; 404 when there is none; 409 while it holds objects. */
    void delete(SwiftRequest req) throws IOException {
        store.deleteContainer(req.path().account(), req.path().container());
        req.answer().standard(204);
    }

    private void totals(SwiftRequest req) {
        ContainerInfo info = store.container(req.path().account(), req.path().container())
                .orElseThrow(SwiftException::notFound);
        SwiftAnswer a = req.answer();
        a.header("X-Container-Object-Count", Long.toString(info.count()));
        a.header("X-Container-Bytes-Used", Long.toString(info.bytes()));
        a.header("X-Timestamp", SwiftTimes.normal(info.created()));
        a.header("X-Put-Timestamp", SwiftTimes.normal(info.created()));
        a.header("Last-Modified", SwiftTimes.httpDate(info.created()));
        a.header("Accept-Ranges", "bytes");
    }
}
