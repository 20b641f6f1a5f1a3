package io.picaco.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * Runs the unpacked Lambda package in this JVM, as Lambda's Java runtime would: API Gateway v2 events for
 * {@code /select} and then {@code /score} (embedding only, in process) through {@code QuarkusStreamHandler}. Prints
 * the milliseconds to each answer and the answer. The event test cannot catch a library that the package leaves out
 * but the app loads (the test class loader ignores {@code removed-artifacts}); this can. Reflection, because the
 * Lambda classes are only on the package's class path. Used by {@link StartupBenchmark}.
 */
public final class LambdaLocal {
    static final String SELECT = "{\"values\": [\"care\", \"candour\"], \"instructions\": [{\"id\": \"e0\", \"responses\": "
            + "[{\"id\": \"r1\", \"queryId\": \"q1\", \"ratings\": {\"care\": 2, \"candour\": 3}, \"redundancy\": 0.4}]}]}";
    static final String SCORE = "{\"values\": [{\"id\":\"care\",\"name\":\"Care\",\"definition\":\"Looking after people.\"},"
            + "{\"id\":\"candour\",\"name\":\"Candour\",\"definition\":\"Saying plainly what is true.\"}], \"judge\": false,"
            + " \"items\": [{\"id\": \"x\", \"query\": \"Call my mother?\", \"response\": \"Yes, looking after people matters.\"}]}";

    private LambdaLocal() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context");
        Object context = Proxy.newProxyInstance(LambdaLocal.class.getClassLoader(), new Class<?>[] { contextType },
                (proxy, m, a) -> m.getReturnType() == int.class ? 300_000 : m.getReturnType() == String.class ? "local" : null);
        Object handler = Class.forName("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler").getConstructor().newInstance();
        Method handle = handler.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class, contextType);
        for (String[] call : new String[][] { { "/select", SELECT }, { "/score", SCORE } }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handle.invoke(handler, new ByteArrayInputStream(event(call[0], call[1]).getBytes(StandardCharsets.UTF_8)), out,
                    context);
            System.out.printf("%s %d %s%n", call[0], (System.nanoTime() - t0) / 1_000_000, out.toString(StandardCharsets.UTF_8));
        }
        System.exit(0);
    }

    static String event(String path, String body) {
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":{\"content-type\":\"application/json\",\"accept\":\"application/json\"},"
                + "\"requestContext\":{\"accountId\":\"1\",\"apiId\":\"local\",\"domainName\":\"local\",\"requestId\":\"r\","
                + "\"routeKey\":\"$default\",\"stage\":\"$default\",\"timeEpoch\":0,\"http\":{\"method\":\"POST\",\"path\":\""
                + path + "\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"local\"}},\"body\":\""
                + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"isBase64Encoded\":false}";
    }
}
