package ai.smartai.backend.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.config.SmartaiConfig.UploadPlace;

class UploadStoresTest {

    @Test
    void replicasOnPostgresqlKeepUploadsInTheDatabaseUnlessToldOtherwise() {
        assertThat(UploadStores.place(Optional.empty(), true)).isEqualTo(UploadPlace.DB);
        assertThat(UploadStores.place(Optional.empty(), false)).isEqualTo(UploadPlace.FILES);
        assertThat(UploadStores.place(Optional.of(UploadPlace.FILES), true)).isEqualTo(UploadPlace.FILES);
        assertThat(UploadStores.place(Optional.of(UploadPlace.DB), false)).isEqualTo(UploadPlace.DB);
    }
}
