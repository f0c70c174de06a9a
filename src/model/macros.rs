//! Macros that declare the crate's typed ids and closed sets.

/// Declares a closed set: an enum whose variants have one stable, kebab-case
/// spelling shared by serde, [`Display`](core::fmt::Display) and
/// [`FromStr`](core::str::FromStr).
///
/// Its doctests name the type by its path under `model`; `closed_enum! { in load; … }`
/// gives another public module.
macro_rules! closed_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        closed_enum! { in model; $(#[$meta])* pub enum $name { $( $(#[$vmeta])* $variant = $text ),+ } }
    };
    (
        in $module:ident;
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable spelling used in the JSON files, on the command line and by `Display`.
            ///
            /// ```
            #[doc = concat!("use china_singapore::", stringify!($module), "::", stringify!($name), ";")]
            #[doc = concat!("for v in ", stringify!($name), "::ALL {")]
            #[doc = concat!("    assert_eq!(v.as_str().parse::<", stringify!($name), ">(), Ok(*v));")]
            /// }
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text ),+
                }
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::model::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
                    .ok_or_else(|| $crate::model::UnknownValue {
                        set: stringify!($name),
                        value: s.to_owned(),
                        expected: $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
                    })
            }
        }
    };
}

/// Declares a typed record id: a string newtype that serialises as a plain string, borrows
/// as `str` and compares with it (`id == "rcep"`).
macro_rules! record_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a slug. Whether it names a record is checked when a dataset loads.
            ///
            /// ```
            #[doc = concat!("use china_singapore::model::", stringify!($name), ";")]
            #[doc = concat!("let id = ", stringify!($name), "::new(\"some-slug\");")]
            /// assert_eq!(id.as_str(), "some-slug");
            /// ```
            pub fn new(slug: impl Into<String>) -> Self {
                Self(slug.into())
            }

            /// The slug as a string slice.
            ///
            /// ```
            #[doc = concat!("use china_singapore::model::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(\"x\").as_str(), \"x\");")]
            /// ```
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(slug: &str) -> Self {
                Self(slug.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(slug: String) -> Self {
                Self(slug)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl core::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }
    };
}
