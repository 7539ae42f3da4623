package it.pecgateway.receipts.daticert;

/** {@code intestazione/destinatari}: an address and whether it is a PEC ("certificato") or ordinary ("esterno") one. */
public record Destinatario(String address, boolean certificato) {
    public String tipo() {
        return certificato ? "certificato" : "esterno";
    }
}
