package dev.glaze.emulator.swift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        if (format == ListingFormat.PLAIN) {
            if (page.isEmpty()) {
                req.answer().headersOnly(204, format.contentType, -1);
                return;
            }
            StringBuilder text = new StringBuilder();
            page.forEach(c -> text.append(c.name()).append('\n'));
            req.answer().body(200, format.contentType, text.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (ContainerInfo c : page) {
            Map<String, Object> item = new LinkedHashMap<>();   // Swift's key order
            item.put("name", c.name());
            item.put("count", c.count());
            item.put("bytes", c.bytes());
            item.put("last_modified", SwiftTimes.isoformat(c.created()));
            items.add(item);
        }
        req.answer().body(200, format.contentType, PyJson.listOfObjects(items));
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
