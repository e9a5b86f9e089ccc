# shellcheck shell=bash
# The SASL_SSL listener of kafka-broker.sh (KAFKA_SECURITY=sasl_ssl): a throwaway CA and broker
# certificate made with the openssl CLI, the broker's PKCS12 keystore, and SCRAM users written
# into the KRaft metadata when the storage is formatted. Sourced by kafka-broker.sh, which
# defines RUN_DIR, log and die. Everything lives in $RUN_DIR/tls (mode 700) and dies with
# `reset`: nothing here is meant to protect real data.

TLS_DIR=$RUN_DIR/tls
SCRAM_USER=${KAFKA_SCRAM_USERNAME:-csms}
SCRAM_MECHANISMS=(SCRAM-SHA-512 SCRAM-SHA-256)
CERT_DAYS=30

# Random hex: no character needs quoting in a properties file or on a command line.
random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# ca.pem (the bundle clients trust, and the one client certificates must chain to),
# broker.p12 (key + chain, for 127.0.0.1 and localhost), client.pem/client.key (a client
# certificate for mutual TLS), keystore.password and scram.password. Made once per run dir,
# so restarts keep them.
make_tls_material() {
  [[ -f $TLS_DIR/broker.p12 && -f $TLS_DIR/client.key && -f $TLS_DIR/scram.password ]] && return 0
  command -v openssl >/dev/null 2>&1 || die "openssl not found on PATH (needed for KAFKA_SECURITY=sasl_ssl)"
  local t0 out
  t0=$(now_ms)
  rm -rf "$TLS_DIR"
  mkdir -p "$TLS_DIR"
  chmod 700 "$TLS_DIR"
  random_secret >"$TLS_DIR/keystore.password"
  if [[ -n ${KAFKA_SCRAM_PASSWORD:-} ]]; then printf '%s' "$KAFKA_SCRAM_PASSWORD" >"$TLS_DIR/scram.password"; else random_secret >"$TLS_DIR/scram.password"; fi
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n' >"$TLS_DIR/broker.ext"
  printf 'extendedKeyUsage=clientAuth\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n' >"$TLS_DIR/client.ext"
  # EC P-256: generated in milliseconds, where RSA keys take a while on a busy machine.
  if ! out=$(
    cd "$TLS_DIR" &&
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.pem -days "$CERT_DAYS" \
        -subj '/CN=csms throwaway Kafka test CA' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>&1 &&
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout broker.key -out broker.csr -subj '/CN=localhost' 2>&1 &&
      openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out broker.pem -days "$CERT_DAYS" -extfile broker.ext 2>&1 &&
      openssl pkcs12 -export -in broker.pem -inkey broker.key -certfile ca.pem -name broker -out broker.p12 -passout file:keystore.password 2>&1 &&
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout client.key -out client.csr -subj "/CN=$SCRAM_USER" 2>&1 &&
      openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days "$CERT_DAYS" -extfile client.ext 2>&1
  ); then
    printf '%s\n' "$out" >&2
    rm -rf "$TLS_DIR"
    die "openssl failed to make the test CA and broker certificate (output above)"
  fi
  chmod 600 "$TLS_DIR"/*
  log "made a throwaway CA, broker and client certificates in $TLS_DIR in $(elapsed "$t0")"
}

# The arguments `kafka-storage format` takes to create the SCRAM user, one per mechanism.
scram_format_args() {
  local mechanism password
  password=$(cat "$TLS_DIR/scram.password")
  for mechanism in "${SCRAM_MECHANISMS[@]}"; do
    printf '%s\n' --add-scram "$mechanism=[name=$SCRAM_USER,password=$password]"
  done
}

# server.properties lines of the SASL_SSL listener; clients bootstrap here. Replication between
# brokers (none on one node, but Kafka needs the listener) uses a plaintext loopback listener.
secure_listener_properties() {
  local keystore_password
  keystore_password=$(cat "$TLS_DIR/keystore.password")
  cat <<EOP
listeners=SASL_SSL://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT,REPLICATION://127.0.0.1:$REPLICATION_PORT
advertised.listeners=SASL_SSL://127.0.0.1:$BROKER_PORT,REPLICATION://127.0.0.1:$REPLICATION_PORT
inter.broker.listener.name=REPLICATION
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT,REPLICATION:PLAINTEXT
sasl.enabled.mechanisms=$(IFS=,; echo "${SCRAM_MECHANISMS[*]}")
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS_DIR/broker.p12
ssl.keystore.password=$keystore_password
ssl.key.password=$keystore_password
# Mutual TLS: every client presents a certificate that chains to ca.pem, then authenticates
# with SCRAM. On a SASL listener Kafka ignores ssl.client.auth without the listener prefix.
listener.name.sasl_ssl.ssl.client.auth=required
listener.name.sasl_ssl.ssl.truststore.type=PEM
listener.name.sasl_ssl.ssl.truststore.location=$TLS_DIR/ca.pem
EOP
}

# What `start` prints besides KAFKA_BROKERS: the settings a client needs, named as the CSMS reads them.
secure_client_lines() {
  printf 'KAFKA_SSL_CA_FILE=%s\nKAFKA_SSL_CERT_FILE=%s\nKAFKA_SSL_KEY_FILE=%s\nKAFKA_SASL_USERNAME=%s\nKAFKA_SASL_PASSWORD_FILE=%s\n' \
    "$TLS_DIR/ca.pem" "$TLS_DIR/client.pem" "$TLS_DIR/client.key" "$SCRAM_USER" "$TLS_DIR/scram.password"
}
