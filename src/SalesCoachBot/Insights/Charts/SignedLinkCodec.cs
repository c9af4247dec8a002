using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SalesCoachBot.Insights.Charts;

public enum LinkState
{
    Valid,

    /// <summary>Genuine, but past its expiry: answered 410 Gone.</summary>
    Expired,

    /// <summary>Not made by this bot, changed, cut short or for another purpose: answered 404, without detail.</summary>
    Invalid,
}

public sealed record OpenedLink<T>(LinkState State, T? Payload)
    where T : class;

/// <summary>
/// Turns a payload into an opaque URL segment and back: compressed, then encrypted and signed with ASP.NET Core Data
/// Protection under a purpose of its own, with the expiry inside. Nothing in the segment can be read or changed without
/// the key ring, so a link cannot be guessed, and a link for one thing cannot be edited into a link for another.
/// </summary>
/// <remarks>
/// The expiry is checked against the injected <see cref="TimeProvider"/> (not Data Protection's own time-limited protector,
/// which reads the system clock), so tests walk past it with <c>FakeTimeProvider</c>. Several instances open each other's
/// links when they share the key ring (App Service does so by default for its scaled-out instances).
/// </remarks>
public sealed class SignedLinkCodec
{
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;

    public SignedLinkCodec(IDataProtectionProvider provider, TimeProvider time, string purpose)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _protector = provider.CreateProtector("SalesCoachBot.SignedLinks", purpose);
        _time = time;
    }

    public string Seal<T>(T payload, TimeSpan lifetime)
    {
        var envelope = new Envelope<T>(_time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds(), payload);
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            JsonSerializer.Serialize(deflate, envelope);
        }

        return Base64Url.EncodeToString(_protector.Protect(packed.ToArray()));
    }

    public OpenedLink<T> Open<T>(string? token)
        where T : class
    {
        Envelope<T>? envelope;
        try
        {
            if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
            {
                return new(LinkState.Invalid, default);
            }

            var sealedBytes = Base64Url.DecodeFromChars(token);
            using var deflate = new DeflateStream(new MemoryStream(_protector.Unprotect(sealedBytes)), CompressionMode.Decompress);
            envelope = JsonSerializer.Deserialize<Envelope<T>>(deflate);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or InvalidDataException or NotSupportedException)
        {
            return new(LinkState.Invalid, default);
        }

        if (envelope?.Payload is null)
        {
            return new(LinkState.Invalid, default);
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() >= envelope.ExpiresAt
            ? new(LinkState.Expired, default)
            : new(LinkState.Valid, envelope.Payload);
    }

    /// <summary>Longer than any link this bot makes: a longer one is refused before any decoding work.</summary>
    public const int MaxTokenLength = 4096;

    private sealed record Envelope<T>(long ExpiresAt, T? Payload);
}
