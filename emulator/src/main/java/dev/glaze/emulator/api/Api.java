package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.store.ImageStore;

/** What every API handler needs: the store, the profile, and the helpers built from them. */
public record Api(ImageStore store, Profile profile, ImageRenderer renderer, ImageAccess access) {
    public static Api of(ImageStore store, Profile profile) {
        return new Api(store, profile, new ImageRenderer(profile), new ImageAccess(store));
    }
}
