package ch.moveacces.profile.me;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The columns of {@code users} a member may change, and nothing else. */
record ProfileFields(
    String nom,
    String prenom,
    @Nullable LocalDate dateNaissance,
    @Nullable String rue,
    @Nullable String npa,
    @Nullable String localite,
    @Nullable String tel) {}
