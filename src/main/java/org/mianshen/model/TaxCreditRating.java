package org.mianshen.model;

/** 纳税信用等级. */
public enum TaxCreditRating { A, B, M, C, D }
