package dev.glaze.emulator.swift;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET} and {@code HEAD /v1/AUTH_<project>}: the account's containers and totals. */
final class AccountApi {
    private final ObjectStore store;

    AccountApi(ObjectStore store) {
        this.store = store;
    }

    /** Totals in headers, 204, as Swift answers HEAD of an account. */
    void head(SwiftRequest req) throws IOException {
        totals(req);
        req.answer().headersOnly(204, ListingFormat.PLAIN.contentType, -1);
    }

    /** The container listing: 204 when empty in plain text, as Swift answers; {@code []} in JSON. */
    void list(SwiftRequest req) throws IOException {
        ListingFormat format = ListingFormat.of(req.exchange());
        ListingQuery query = req.listingQuery();
        totals(req);
        List<ContainerInfo> page = store.containers(req.path().account(), query);
        Listings.send(req, format, page, ContainerInfo::name, c -> {
            Map<String, Object> item = new LinkedHashMap<>();   // Swift's key order
            item.put("name", c.name());
            item.put("count", c.count());
            item.put("bytes", c.bytes());
            item.put("last_modified", SwiftTimes.isoformat(c.created()));
            return item;
        });
    }

    private void totals(SwiftRequest req) {
        AccountInfo info = store.account(req.path().account());
        SwiftAnswer a = req.answer();
        a.header("X-Account-Container-Count", Long.toString(info.containerCount()));
        a.header("X-Account-Object-Count", Long.toString(info.objectCount()));
        a.header("X-Account-Bytes-Used", Long.toString(info.bytesUsed()));
        if (info.created() != null) {
            a.header("X-Timestamp", SwiftTimes.normal(info.created()));
        }
    }
}
