package dev.glaze.core.internal.http;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JVM's default TLS context, made when the first TLS connection needs it rather than when the HTTP client is
 * built. {@code HttpClient.newBuilder().build()} otherwise makes it at once, and with it reads and parses the trust
 * store: about a quarter of a second of a one-shot {@code glaze -e} that may talk plain HTTP to a loopback service.
 * Until then the client holds empty {@link SSLParameters}, which leave the real context's defaults in place when an
 * engine is made.
 */
final class LazyTlsContext extends SSLContext {
    private final Spi spi;

    private LazyTlsContext(Spi spi) {
        super(spi, null, "TLS");
        this.spi = spi;
    }

    static LazyTlsContext create() {
        return new LazyTlsContext(new Spi());
    }

    /** Makes the real context now (on a thread that has the time), so the first TLS connection does not wait. */
    void prepare() {
        spi.real();
    }

    private static final class Spi extends SSLContextSpi {
        private volatile SSLContext real;

        SSLContext real() {
            SSLContext r = real;
            if (r == null) {
                synchronized (this) {
                    if (real == null) {
                        try {
                            real = SSLContext.getDefault();
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("this JVM offers no TLS: " + e.getMessage(), e);
                        }
                    }
                    r = real;
                }
            }
            return r;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            // the default context is initialised already; nobody calls init on this one
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            // asked for by HttpClient at build time: only then answered without making the real context
            SSLContext r = real;
            return r == null ? new SSLParameters() : r.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
