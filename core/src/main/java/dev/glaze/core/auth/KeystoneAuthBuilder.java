package dev.glaze.core.auth;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.internal.auth.KeystoneCredentials;
import dev.glaze.core.internal.auth.KeystoneV3Authenticator;

/**
 * Keystone v3 credentials, from {@link Authenticators#keystone(String)}. The method follows from what is set: an
 * application credential, else a password, else a token. Users and projects given by name are looked up in
 * Keystone's {@code default} domain unless a domain is set.
 *
 * <pre>{@code
 * Authenticator auth = Authenticators.keystone("https://keystone.example.com:5000/v3")
 *         .username("alice").userDomainName("Default").password(password)
 *         .projectName("alice-project").projectDomainName("Default")
 *         .build();
 * }</pre>
 */
public final class KeystoneAuthBuilder {
    private final String authUrl;
    private String username;
    private String userId;
    private String userDomainName;
    private String userDomainId;
    private String password;
    private String token;
    private String applicationCredentialId;
    private String applicationCredentialName;
    private String applicationCredentialSecret;
    private String projectName;
    private String projectId;
    private String projectDomainName;
    private String projectDomainId;
    private String domainName;
    private String domainId;

    KeystoneAuthBuilder(String authUrl) {
        this.authUrl = authUrl;
    }

    public KeystoneAuthBuilder username(String username) {
        this.username = clean(username);
        return this;
    }

    /** The user by id: no domain is needed. */
    public KeystoneAuthBuilder userId(String userId) {
        this.userId = clean(userId);
        return this;
    }

    public KeystoneAuthBuilder userDomainName(String name) {
        this.userDomainName = clean(name);
        return this;
    }

    public KeystoneAuthBuilder userDomainId(String id) {
        this.userDomainId = clean(id);
        return this;
    }

    public KeystoneAuthBuilder password(String password) {
        this.password = password == null || password.isEmpty() ? null : password;
        return this;
    }

    /** Sign in with an existing token (the {@code token} method), e.g. to scope it to a project. */
    public KeystoneAuthBuilder token(String token) {
        this.token = clean(token);
        return this;
    }

    public KeystoneAuthBuilder applicationCredentialId(String id) {
        this.applicationCredentialId = clean(id);
        return this;
    }

    /** An application credential by name needs its user ({@link #username} or {@link #userId}). */
    public KeystoneAuthBuilder applicationCredentialName(String name) {
        this.applicationCredentialName = clean(name);
        return this;
    }

    public KeystoneAuthBuilder applicationCredentialSecret(String secret) {
        this.applicationCredentialSecret = secret == null || secret.isEmpty() ? null : secret;
        return this;
    }

    public KeystoneAuthBuilder projectName(String name) {
        this.projectName = clean(name);
        return this;
    }

    public KeystoneAuthBuilder projectId(String id) {
        this.projectId = clean(id);
        return this;
    }

    public KeystoneAuthBuilder projectDomainName(String name) {
        this.projectDomainName = clean(name);
        return this;
    }

    public KeystoneAuthBuilder projectDomainId(String id) {
        this.projectDomainId = clean(id);
        return this;
    }

    /** Scope to a domain instead of a project (only when no project is set). */
    public KeystoneAuthBuilder domainName(String name) {
        this.domainName = clean(name);
        return this;
    }

    public KeystoneAuthBuilder domainId(String id) {
        this.domainId = clean(id);
        return this;
    }

    /** @throws ConfigurationException when a part is missing or two methods are given */
    public Authenticator build() {
        boolean appCred = applicationCredentialId != null || applicationCredentialName != null;
        if (appCred && (password != null || token != null)) {
            throw problem("give an application credential or a password or a token, not several");
        }
        if (password != null && token != null) {
            throw problem("give a password or a token, not both");
        }
        if (appCred) {
            if (applicationCredentialSecret == null) {
                throw problem("an application credential needs its secret: applicationCredentialSecret(...)");
            }
            if (applicationCredentialId == null && username == null && userId == null) {
                throw problem("an application credential given by name needs its user: username(...) or userId(...)");
            }
        } else if (password != null) {
            if (username == null && userId == null) {
                throw problem("a password needs a user: username(...) or userId(...)");
            }
        } else if (token == null) {
            throw problem("no credentials: give a password, a token or an application credential");
        }
        return new KeystoneV3Authenticator(new KeystoneCredentials(authUrl, username, userId, userDomainName,
                userDomainId, password, token, applicationCredentialId, applicationCredentialName,
                applicationCredentialSecret, projectName, projectId, projectDomainName, projectDomainId, domainName,
                domainId));
    }

    private ConfigurationException problem(String what) {
        return new ConfigurationException("Keystone v3 sign-in at " + authUrl + ": " + what);
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
