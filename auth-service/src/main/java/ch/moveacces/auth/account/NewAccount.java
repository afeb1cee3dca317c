package ch.moveacces.auth.account;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A validated registration: only the columns auth-service may insert into {@code users}. */
public record NewAccount(
    String email,
    String nom,
    String prenom,
    @Nullable LocalDate dateNaissance,
    @Nullable String rue,
    @Nullable String npa,
    @Nullable String localite,
    @Nullable String tel) {}
