//! Votes and decisions of assemblies, coalitions and networks.
