package io.picaco.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.picaco.PicacoConfig;
import io.picaco.store.StoredCallCache;
import io.picaco.store.StoredRequestLedger;

/**
 * Picks the model-call cache and the request ledger at run time ({@code picaco.cache.store}), so an instance without
 * a datasource never touches the store.
 */
@ApplicationScoped
public class CallCaches {

    @Produces
    @Singleton
    CallCache callCache(PicacoConfig config, Instance<StoredCallCache> stored) {
        return memory(config) ? new MemoryCallCache(config.cache().maxEntries()) : stored.get();
    }

    @Produces
    @Singleton
    RequestLedger requestLedger(PicacoConfig config, Instance<StoredRequestLedger> stored) {
        return memory(config) ? RequestLedger.NONE : stored.get();
    }

    private static boolean memory(PicacoConfig config) {
        return "memory".equals(config.cache().store());
    }
}
