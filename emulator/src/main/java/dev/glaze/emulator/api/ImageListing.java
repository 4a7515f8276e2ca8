package dev.glaze.emulator.api;

import dev.glaze.emulator.api.listing.ListingBody;
import dev.glaze.emulator.api.listing.ListingLinks;
import dev.glaze.emulator.api.listing.ListingPage;
import dev.glaze.emulator.api.listing.ListingQuery;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.Query;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /v2/images}: filters, sorting and marker paging as Glance does them (see the {@code listing} package:
 * {@link ListingQuery} reads the request, {@link ListingPage} picks the images, {@link ListingBody} writes them).
 */
public final class ImageListing {
    private final Api api;
    private final ListingBody body;

    public ImageListing(Api api) {
        this.api = api;
        this.body = new ListingBody(api.renderer(), api.store());
    }

    public void list(Exchange ex) throws IOException {
        ex.rejectBody();
        Query query = ex.query();
        ListingQuery request = ListingQuery.parse(query, api.profile());
        ListingPage page = ListingPage.select(request, api.store().all(), api.store()::find, api.profile(),
                ex.context());
        List<StoredImage> images = page.images();
        String next = page.full() ? ListingLinks.next(query, images.get(images.size() - 1).id()) : null;
        body.send(ex, images, ListingLinks.first(query), next);
    }
}
