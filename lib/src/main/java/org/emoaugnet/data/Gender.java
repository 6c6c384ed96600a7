package org.emoaugnet.data;

/** Speaker gender as the corpus documents it. */
public enum Gender {
    MALE, FEMALE, UNKNOWN;

    public String label() { return this == UNKNOWN ? "unknown" : name().toLowerCase(java.util.Locale.ROOT); }
}
