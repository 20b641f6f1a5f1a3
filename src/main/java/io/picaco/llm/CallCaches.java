package io.picaco.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.picaco.PicacoConfig;
import io.picaco.store.StoredCallCache;

/** Picks the model-call cache at run time ({@code picaco.cache.store}), so an instance without a datasource never touches it. */
@ApplicationScoped
public class CallCaches {

    @Produces
    @Singleton
    CallCache callCache(PicacoConfig config, Instance<StoredCallCache> stored) {
        return "memory".equals(config.cache().store()) ? new MemoryCallCache(config.cache().maxEntries()) : stored.get();
    }
}
