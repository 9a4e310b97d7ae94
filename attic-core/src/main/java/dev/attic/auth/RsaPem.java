package dev.attic.auth;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RSA keys from PEM: PKCS#1 ({@code openssl genrsa -traditional}) and PKCS#8 / X.509. */
final class RsaPem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private RsaPem() {}

    static RSAPrivateKey privateKey(String pem) {
        Matcher m = block(pem);
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        try {
            KeySpec spec = switch (m.group(1)) {
                case "RSA PRIVATE KEY" -> {
                    var k = org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(der);
                    yield new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                            k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient());
                }
                case "PRIVATE KEY" -> new PKCS8EncodedKeySpec(der);
                default -> throw bad("a PEM block of type " + m.group(1) + " is not an RSA private key");
            };
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new BadInputException(ErrorCode.INVALID_KEY, "not a readable RSA private key: " + e.getMessage(), e);
        }
    }

    static RSAPublicKey publicKey(String pem) {
        Matcher m = block(pem);
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        try {
            KeySpec spec = switch (m.group(1)) {
                case "RSA PUBLIC KEY" -> {
                    var k = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(der);
                    yield new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent());
                }
                case "PUBLIC KEY" -> new X509EncodedKeySpec(der);
                default -> throw bad("a PEM block of type " + m.group(1) + " is not an RSA public key");
            };
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new BadInputException(ErrorCode.INVALID_KEY, "not a readable RSA public key: " + e.getMessage(), e);
        }
    }

    static RSAPublicKey publicKeyOf(RSAPrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw bad("an RSA private key without its CRT parameters does not say its public key");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new BadInputException(ErrorCode.INVALID_KEY, "cannot derive the RSA public key: " + e.getMessage(), e);
        }
    }

    private static Matcher block(String pem) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw bad("no PEM block (-----BEGIN ...-----) found");
        }
        return m;
    }

    private static BadInputException bad(String message) {
        return new BadInputException(ErrorCode.INVALID_KEY, message);
    }
}
