-- Development seed data: the test user and two abonnements. Safe to run again (nothing is
-- duplicated). Never loaded in production.
-- Test user: diogofebre@gmail.com / TestPassword123! (Argon2id, m=65536 KiB, t=3, p=1).

INSERT INTO users (email, nom, prenom, date_naissance, rue, npa, localite, tel)
VALUES ('diogofebre@gmail.com', 'Febre', 'Diogo', '1990-04-12', 'Rue du Marché 12', '1204', 'Genève',
        '+41791234567')
ON DUPLICATE KEY UPDATE email = email;

INSERT INTO acces_app (email, password_hash)
VALUES ('diogofebre@gmail.com',
        '$argon2id$v=19$m=65536,t=3,p=1$TZ2y4+HGA6nYJvNVSoqMEg$Gqm+1k/gVio9p00qNIHDgo1+orXYz1k8GLRdNX0HBno')
ON DUPLICATE KEY UPDATE email = email;

-- One abonnement running now, one that ended last year; dates relative to the day of seeding.
INSERT INTO abonnement (user_id, abo_state, abo_name, abo_date_start, abo_date_stop, abo_price,
                        abo_discount, abo_currency, abo_auto_renew)
SELECT u.user_id, 'active', 'Move Annuel', CURRENT_DATE - INTERVAL 3 MONTH,
       CURRENT_DATE + INTERVAL 9 MONTH, 590.00, 10.00, 'CHF', 1
FROM users u
WHERE u.email = 'diogofebre@gmail.com'
  AND NOT EXISTS (SELECT 1 FROM abonnement a WHERE a.user_id = u.user_id AND a.abo_name = 'Move Annuel');

INSERT INTO abonnement (user_id, abo_state, abo_name, abo_date_start, abo_date_stop, abo_price,
                        abo_discount, abo_currency, abo_auto_renew)
SELECT u.user_id, 'expired', 'Move Mensuel', CURRENT_DATE - INTERVAL 14 MONTH,
       CURRENT_DATE - INTERVAL 13 MONTH, 59.00, 0.00, 'CHF', 0
FROM users u
WHERE u.email = 'diogofebre@gmail.com'
  AND NOT EXISTS (SELECT 1 FROM abonnement a WHERE a.user_id = u.user_id AND a.abo_name = 'Move Mensuel');
