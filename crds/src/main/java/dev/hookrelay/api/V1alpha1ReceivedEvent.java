package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;

/** What a watcher needs to know about one accepted delivery, without its payload. */
public class V1alpha1ReceivedEvent {
    /** The schema's maxLength of every text field. */
    public static final int MAX_FIELD_LENGTH = 1024;

    @SerializedName("id")
    private String id;
    @SerializedName("type")
    private String type;
    @SerializedName("provider")
    private String provider;
    @SerializedName("receivedAt")
    private OffsetDateTime receivedAt;
    @SerializedName("repository")
    private String repository;
    @SerializedName("ref")
    private String ref;
    @SerializedName("revision")
    private String revision;
    @SerializedName("image")
    private String image;
    @SerializedName("tag")
    private String tag;
    @SerializedName("sender")
    private String sender;
    @SerializedName("action")
    private String action;

    public String getId() {
        return id;
    }

    public V1alpha1ReceivedEvent id(String id) {
        this.id = id;
        return this;
    }

    public String getType() {
        return type;
    }

    public V1alpha1ReceivedEvent type(String type) {
        this.type = type;
        return this;
    }

    public String getProvider() {
        return provider;
    }

    public V1alpha1ReceivedEvent provider(String provider) {
        this.provider = provider;
        return this;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public V1alpha1ReceivedEvent receivedAt(OffsetDateTime receivedAt) {
        this.receivedAt = receivedAt;
        return this;
    }

    public String getRepository() {
        return repository;
    }

    public V1alpha1ReceivedEvent repository(String repository) {
        this.repository = repository;
        return this;
    }

    public String getRef() {
        return ref;
    }

    public V1alpha1ReceivedEvent ref(String ref) {
        this.ref = ref;
        return this;
    }

    public String getRevision() {
        return revision;
    }

    public V1alpha1ReceivedEvent revision(String revision) {
        this.revision = revision;
        return this;
    }

    public String getImage() {
        return image;
    }

    public V1alpha1ReceivedEvent image(String image) {
        this.image = image;
        return this;
    }

    public String getTag() {
        return tag;
    }

    public V1alpha1ReceivedEvent tag(String tag) {
        this.tag = tag;
        return this;
    }

    public String getSender() {
        return sender;
    }

    public V1alpha1ReceivedEvent sender(String sender) {
        this.sender = sender;
        return this;
    }

    public String getAction() {
        return action;
    }

    public V1alpha1ReceivedEvent action(String action) {
        this.action = action;
        return this;
    }
}
