package dev.glaze.core.internal.http;

import java.util.Map;

/** Writes each exchange (request line, headers, small JSON bodies, status, time) with every secret masked. */
final class LoggingInterceptor implements Interceptor {
    private final HttpLog log;

    LoggingInterceptor(HttpLog log) {
        this.log = log;
    }

    @Override
    public ApiResponse intercept(Chain chain) {
        ApiRequest request = chain.request();
        StringBuilder line = new StringBuilder("> ").append(request.method()).append(' ')
                .append(Secrets.redact(request.uri().toString()));
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            line.append(" | ").append(h.getKey()).append(": ")
                    .append(Secrets.isSecretHeader(h.getKey()) ? Secrets.MASK : Secrets.redact(h.getValue()));
        }
        if (request.logBody() != null) {
            String body = request.secretBody() ? Secrets.redactJson(request.logBody()) : Secrets.redact(request.logBody());
            line.append(" | ").append(body);
        }
        log.line(line.toString());
        long start = System.nanoTime();
        try {
            ApiResponse response = chain.proceed(request);
            long ms = (System.nanoTime() - start) / 1_000_000;
            StringBuilder answer = new StringBuilder("< ").append(response.status()).append(' ')
                    .append(request.method()).append(' ').append(Secrets.redact(request.uri().toString()))
                    .append(" (").append(ms).append(" ms)");
            response.header("Content-Type").ifPresent(t -> answer.append(" | Content-Type: ").append(t));
            response.header("Content-Length").ifPresent(t -> answer.append(" | Content-Length: ").append(t));
            response.header("x-openstack-request-id").ifPresent(t -> answer.append(" | x-openstack-request-id: ").append(t));
            log.line(answer.toString());
            return response;
        } catch (RuntimeException e) {
            log.line("< failed " + request.method() + " " + Secrets.redact(request.uri().toString()) + ": "
                    + Secrets.redact(String.valueOf(e.getMessage())));
            throw e;
        }
    }
}
