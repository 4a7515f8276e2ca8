package dev.glaze.core.internal.http;

/**
 * One step of the request pipeline (OkHttp's shape): look at or change the request, call {@code chain.proceed},
 * look at or replace the answer. The steps, outermost first: retry, authentication, logging, the network.
 */
@FunctionalInterface
public interface Interceptor {
    ApiResponse intercept(Chain chain);

    interface Chain {
        ApiRequest request();

        ApiResponse proceed(ApiRequest request);
    }
}
