/**
 * Capital: the guidance fund of funds (母基金) with its sub-funds, angel and venture funds, their
 * investors, cash flows, valuations, portfolio and metrics (DPI, RVPI, TVPI, XIRR, leverage,
 * local re-investment, compliance), and the loan risk-compensation pool (科技成果转化贷款风险补偿).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capital")
package org.gongtong.capital;
