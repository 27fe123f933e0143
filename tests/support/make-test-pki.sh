#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Generates the throw-away PKI the integration tests use (EC P-256, valid 30 days).
#
#   make-test-pki.sh <output-dir>
#
# ca            the trusted CA of the DOTS deployment
# server        CN dots-server.test, SAN DNS:localhost, DNS:dots-server.test, IP:127.0.0.1, IP:::1
# client1/2     client certificates from ca
# other-server  from ca, but only for DNS:other.example (no IP SAN): name checks must fail
# rogue-ca      an unrelated CA, with rogue-client and rogue-server (same names as server)
set -eu

out=${1:?usage: make-test-pki.sh <output-dir>}
mkdir -p "$out"
cd "$out"

days=30

key() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null
}

ca() { # name subject
    key "$1"
    openssl req -new -x509 -key "$1.key" -sha256 -days "$days" -subj "$2" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" \
        -out "$1.crt"
}

leaf() { # name subject issuer san usage
    key "$1"
    openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
    {
        echo "basicConstraints=critical,CA:FALSE"
        echo "keyUsage=critical,digitalSignature,keyAgreement"
        echo "extendedKeyUsage=$5"
        echo "authorityKeyIdentifier=keyid"
        [ -n "$4" ] && echo "subjectAltName=$4"
    } > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA "$3.crt" -CAkey "$3.key" -CAcreateserial \
        -sha256 -days "$days" -extfile "$1.ext" -out "$1.crt" 2>/dev/null
    rm -f "$1.csr" "$1.ext"
}

ca ca "/O=DOTS Test/CN=DOTS Test CA"
leaf server "/O=DOTS Test/CN=dots-server.test" ca \
    "DNS:localhost,DNS:dots-server.test,IP:127.0.0.1,IP:::1" "serverAuth,clientAuth"
leaf client1 "/O=DOTS Test/CN=client1" ca "DNS:client1.test" "clientAuth"
leaf client2 "/O=DOTS Test/CN=client2" ca "DNS:client2.test" "clientAuth"
leaf other-server "/O=DOTS Test/CN=other.example" ca "DNS:other.example" "serverAuth"

ca rogue-ca "/O=Rogue/CN=Rogue CA"
leaf rogue-client "/O=Rogue/CN=client1" rogue-ca "DNS:client1.test" "clientAuth"
leaf rogue-server "/O=Rogue/CN=dots-server.test" rogue-ca \
    "DNS:localhost,DNS:dots-server.test,IP:127.0.0.1,IP:::1" "serverAuth"

rm -f ./*.srl
chmod 600 ./*.key
