package io.picaco;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the app ({@code picaco.*}); the simulator has its own {@code picaco.sim.*}. */
@ConfigMapping(prefix = "picaco")
public interface PicacoConfig {

    /**
     * Serve only the four step functions and {@code /q/health} (the {@code functions} profile sets it): pages, API,
     * simulator and metrics answer 404. Read by name in {@code @EndpointDisabled}, so keep the key.
     */
    @WithDefault("false")
    boolean functionsOnly();

    Models models();

    Conductor conductor();

    /** Per-endpoint limits and prices, by endpoint name ({@code picaco.endpoints.<name>.*}). */
    Map<String, Endpoint> endpoints();

    Cache cache();

    Steps steps();

    interface Steps {
        /** {@code local}: call the step functions in this process; {@code remote}: over HTTP. */
        @WithDefault("local")
        Mode mode();

        enum Mode {
            LOCAL, REMOTE
        }

        Remote remote();

        interface Remote {
            StepUrl propose();

            StepUrl sample();

            StepUrl score();

            StepUrl select();

            /** Bearer token sent to remote step functions. */
            Optional<String> token();

            @WithDefault("3")
            int maxAttempts();

            @WithDefault("300s")
            Duration timeout();
        }

        interface StepUrl {
            Optional<String> url();
        }
    }

    Judge judge();

    Embedder embedder();

    interface Embedder {
        /** {@code minilm}: in-process all-MiniLM-L6-v2; {@code openai}: an OpenAI-compatible embeddings endpoint. */
        @WithDefault("minilm")
        String kind();

        /** The named configuration of the embeddings endpoint ({@code quarkus.langchain4j.openai.<name>.*}). */
        @WithDefault("embedder")
        String endpoint();
    }

    interface Endpoint {
        /** Calls in flight at once (default {@code picaco.models.concurrency}). */
        Optional<Integer> concurrency();

        /** Requests per minute; unlimited when absent. */
        Optional<Integer> rpm();

        /** Tokens per minute; unlimited when absent. */
        Optional<Integer> tpm();

        /** US dollars per million input tokens. */
        Optional<Double> inputPrice();

        /** US dollars per million output tokens. */
        Optional<Double> outputPrice();
    }

    interface Cache {
        /** Reuse stored answers to identical model calls (same endpoint, model, parameters, messages, seed). */
        @WithDefault("true")
        boolean enabled();

        /**
         * {@code database}: the state store, shared and durable; {@code memory}: a bounded in-process cache, for
         * instances without a datasource (the {@code functions} profile).
         */
        @WithDefault("database")
        String store();

        /** Answers the {@code memory} store keeps; the least recently used go first. */
        @WithDefault("2000")
        int maxEntries();
    }

    interface Judge {
        /** Ask the judge for token log-probabilities and use the expected rating when it returns them. */
        @WithDefault("true")
        boolean logprobs();
    }

    interface Models {
        /** Attempts per model call before it is recorded as failed. */
        @WithDefault("3")
        int maxAttempts();

        /** First retry delay; doubles each attempt, with jitter. */
        @WithDefault("200ms")
        Duration backoff();

        /** Calls in flight at once, per endpoint, unless the endpoint sets its own. */
        @WithDefault("8")
        int concurrency();

        /**
         * Threads that run model calls and shards at once, over all endpoints; beyond it the caller runs the call
         * itself, so the pool never grows with a run.
         */
        @WithDefault("64")
        int poolThreads();

        /** Longest wait between attempts, including a server's Retry-After. */
        @WithDefault("60s")
        Duration maxBackoff();

        /**
         * How long the answer of an endpoint's reachability check holds, success or failure; after it the next run
         * or {@code GET /api/models} checks the host again.
         */
        @WithDefault("30s")
        Duration reachabilityTtl();

        /** Share of a phase's model calls that must succeed for the run to go on. */
        @WithDefault("0.5")
        double minSuccess();
    }

    interface Conductor {
        /** Whether this instance drives runs (off for an instance that only serves step functions). */
        @WithDefault("true")
        boolean enabled();

        /** Runs that advance at the same time. */
        @WithDefault("2")
        int parallelRuns();

        /** Model calls per shard, the unit in which results are committed (a crash loses only shards in flight). */
        @WithDefault("32")
        int shardSize();

        /** Shards of one step sent at once (to the local steps or, fanned out, to remote ones). */
        @WithDefault("4")
        int parallelShards();

        /**
         * Tries of a shard whose step failed for a reason that may pass (a remote step's 5xx or time-out after its
         * own retries), in all, before its items count as failed; a 4xx or a broken contract fails it at once.
         */
        @WithDefault("3")
        int shardAttempts();

        /** How long a conductor's claim on a run lasts without renewal; a dead instance's runs move on after it. */
        @WithDefault("30s")
        Duration lease();

        /** This instance's name in leases and step logs (default: host name and a random suffix). */
        Optional<String> instanceId();

        /**
         * How often the conductor looks for runs to start or take over (the Quarkus scheduler: at least every
         * second, shorter values act as 1s); a run that ends starts the next queued one at once.
         */
        @WithDefault("1s")
        Duration poll();
    }
}
