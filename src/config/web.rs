//! The web server's settings that concern who may reach it: the host names
//! it answers to (and so the origins state-changing requests may come
//! from), and whether it is served over HTTPS. Read once at start-up.

use std::net::SocketAddr;

use super::ConfigError;

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// `host` or `host:port` values the `Host` header may carry.
    pub allowed_hosts: Vec<String>,
    /// Whether cookies are marked `Secure` (the public address is HTTPS).
    pub https: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client
    /// (`RESOLUTION_STUDIO_TRUSTED_PROXIES`, comma-separated addresses).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl WebConfig {
    /// From `RESOLUTION_STUDIO_PUBLIC_URL` (the address people use, e.g.
    /// `https://studio.example.org`) and `RESOLUTION_STUDIO_HOSTS` (more
    /// host names, comma-separated); the listening address, `localhost`
    /// and `127.0.0.1` on its port are always allowed.
    pub fn from_env(site_addr: SocketAddr) -> Result<WebConfig, ConfigError> {
        let port = site_addr.port();
        let mut allowed_hosts = vec![
            site_addr.to_string(),
            format!("localhost:{port}"),
            format!("127.0.0.1:{port}"),
        ];
        let mut https = false;
        if let Ok(url) = std::env::var("RESOLUTION_STUDIO_PUBLIC_URL") {
            let (scheme, rest) = url.split_once("://").ok_or_else(|| {
                ConfigError(format!(
                    "RESOLUTION_STUDIO_PUBLIC_URL `{url}` is not an address like https://studio.example.org"
                ))
            })?;
            https = scheme.eq_ignore_ascii_case("https");
            let host = rest.split('/').next().unwrap_or_default();
            if host.is_empty() {
                return Err(ConfigError(format!(
                    "RESOLUTION_STUDIO_PUBLIC_URL `{url}` names no host"
                )));
            }
            allowed_hosts.push(host.to_ascii_lowercase());
        }
        if let Ok(hosts) = std::env::var("RESOLUTION_STUDIO_HOSTS") {
            allowed_hosts.extend(
                hosts
                    .split(',')
                    .map(|h| h.trim().to_ascii_lowercase())
                    .filter(|h| !h.is_empty()),
            );
        }
        let mut trusted_proxies = Vec::new();
        if let Ok(list) = std::env::var("RESOLUTION_STUDIO_TRUSTED_PROXIES") {
            for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                trusted_proxies.push(item.parse().map_err(|_| {
                    ConfigError(format!(
                        "RESOLUTION_STUDIO_TRUSTED_PROXIES: `{item}` is not an IP address"
                    ))
                })?);
            }
        }
        Ok(WebConfig {
            allowed_hosts,
            https,
            trusted_proxies,
        })
    }

    /// The client's address: the peer's, or, when the peer is a trusted
    /// proxy, the last address it appended to `X-Forwarded-For`.
    pub fn client_address(
        &self,
        peer: Option<std::net::IpAddr>,
        forwarded_for: Option<&str>,
    ) -> String {
        match (peer, forwarded_for) {
            (Some(peer), Some(list)) if self.trusted_proxies.contains(&peer) => list
                .rsplit(',')
                .map(str::trim)
                .find(|a| !a.is_empty())
                .map_or_else(|| peer.to_string(), str::to_owned),
            (Some(peer), _) => peer.to_string(),
            (None, _) => "unknown".to_owned(),
        }
    }

    pub fn host_allowed(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        self.allowed_hosts.contains(&host)
    }

    /// Whether `origin` (`scheme://host[:port]`) is the app's own.
    pub fn origin_allowed(&self, origin: &str) -> bool {
        let Some((scheme, host)) = origin.split_once("://") else {
            return false;
        };
        matches!(scheme, "http" | "https") && self.host_allowed(host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_origins() {
        let config = WebConfig {
            allowed_hosts: vec!["127.0.0.1:3000".into(), "studio.example.org".into()],
            https: true,
            trusted_proxies: vec!["10.0.0.5".parse().unwrap()],
        };
        let proxy = Some("10.0.0.5".parse().unwrap());
        let stranger = Some("203.0.113.9".parse().unwrap());
        assert_eq!(
            config.client_address(proxy, Some("1.2.3.4, 198.51.100.7")),
            "198.51.100.7"
        );
        assert_eq!(
            config.client_address(stranger, Some("1.2.3.4")),
            "203.0.113.9"
        );
        assert_eq!(config.client_address(proxy, None), "10.0.0.5");
        assert!(config.host_allowed("127.0.0.1:3000"));
        assert!(config.host_allowed("Studio.Example.org"));
        assert!(!config.host_allowed("evil.example"));
        assert!(config.origin_allowed("https://studio.example.org"));
        assert!(config.origin_allowed("http://127.0.0.1:3000"));
        assert!(!config.origin_allowed("https://evil.example"));
        assert!(!config.origin_allowed("null"));
        assert!(!config.origin_allowed("https://studio.example.org.evil.example"));
    }
}
