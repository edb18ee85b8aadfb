package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** Where and how a Provider sends: the fields of Flux's v1beta3 Provider, and sinkRef. */
public class V1alpha1ProviderSpec {
    @SerializedName("type")
    private String type;
    @SerializedName("address")
    private String address;
    @SerializedName("channel")
    private String channel;
    @SerializedName("username")
    private String username;
    @SerializedName("secretRef")
    private V1alpha1SecretRef secretRef;
    @SerializedName("certSecretRef")
    private V1alpha1SecretRef certSecretRef;
    @SerializedName("proxySecretRef")
    private V1alpha1SecretRef proxySecretRef;
    @SerializedName("interval")
    private String interval;
    @SerializedName("proxy")
    private String proxy;
    @SerializedName("timeout")
    private String timeout;
    @SerializedName("commitStatusExpr")
    private String commitStatusExpr;
    @SerializedName("sinkRef")
    private V1alpha1SinkRef sinkRef;
    @SerializedName("suspend")
    private Boolean suspend;

    public String getType() {
        return type;
    }

    public V1alpha1ProviderSpec type(String type) {
        this.type = type;
        return this;
    }

    public String getAddress() {
        return address;
    }

    public V1alpha1ProviderSpec address(String address) {
        this.address = address;
        return this;
    }

    public String getChannel() {
        return channel;
    }

    public V1alpha1ProviderSpec channel(String channel) {
        this.channel = channel;
        return this;
    }

    public String getUsername() {
        return username;
    }

    public V1alpha1ProviderSpec username(String username) {
        this.username = username;
        return this;
    }

    public V1alpha1SecretRef getSecretRef() {
        return secretRef;
    }

    public V1alpha1ProviderSpec secretRef(V1alpha1SecretRef secretRef) {
        this.secretRef = secretRef;
        return this;
    }

    public V1alpha1SecretRef getCertSecretRef() {
        return certSecretRef;
    }

    public V1alpha1ProviderSpec certSecretRef(V1alpha1SecretRef certSecretRef) {
        this.certSecretRef = certSecretRef;
        return this;
    }

    public V1alpha1SecretRef getProxySecretRef() {
        return proxySecretRef;
    }

    public V1alpha1ProviderSpec proxySecretRef(V1alpha1SecretRef proxySecretRef) {
        this.proxySecretRef = proxySecretRef;
        return this;
    }

    public String getInterval() {
        return interval;
    }

    public V1alpha1ProviderSpec interval(String interval) {
        this.interval = interval;
        return this;
    }

    public String getProxy() {
        return proxy;
    }

    public V1alpha1ProviderSpec proxy(String proxy) {
        this.proxy = proxy;
        return this;
    }

    public String getTimeout() {
        return timeout;
    }

    public V1alpha1ProviderSpec timeout(String timeout) {
        this.timeout = timeout;
        return this;
    }

    public String getCommitStatusExpr() {
        return commitStatusExpr;
    }

    public V1alpha1ProviderSpec commitStatusExpr(String commitStatusExpr) {
        this.commitStatusExpr = commitStatusExpr;
        return this;
    }

    public V1alpha1SinkRef getSinkRef() {
        return sinkRef;
    }

    public V1alpha1ProviderSpec sinkRef(V1alpha1SinkRef sinkRef) {
        this.sinkRef = sinkRef;
        return this;
    }

    public boolean isSuspend() {
        return Boolean.TRUE.equals(suspend);
    }

    public V1alpha1ProviderSpec suspend(boolean suspend) {
        this.suspend = suspend;
        return this;
    }
}
